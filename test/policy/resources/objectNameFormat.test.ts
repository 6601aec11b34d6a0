import * as assert from "node:assert/strict";
import { objectNameFormat } from "../../../policy/resources/objectNameFormat";
import { binding, connector, validateResource } from "../helper";

describe("skupper-object-name-format", () => {
    it("passes DNS-1123 names on both kinds", async () => {
        assert.deepEqual(await validateResource(objectNameFormat, connector("shop", "orders.v1")), []);
        assert.deepEqual(await validateResource(objectNameFormat, binding("west", "orders-v1")), []);
    });

    it("flags an invalid name, quoting it", async () => {
        const [violation] = await validateResource(objectNameFormat, binding("west", "Orders_V1"));
        assert.match(violation, /^AttachedConnectorBinding 'west\/Orders_V1': metadata.name 'Orders_V1' is not valid; expected a DNS-1123 subdomain/);
    });

    it("flags a missing name, which Pulumi would auto-name so that the pair cannot match", async () => {
        const [violation] = await validateResource(objectNameFormat, connector("shop", undefined));
        assert.match(violation, /^AttachedConnector 'shop\/\(auto-named attachedconnector-\d+\)': metadata.name is not set/);
    });
});
