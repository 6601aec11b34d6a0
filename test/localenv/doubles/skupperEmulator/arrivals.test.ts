// A poll's events in the order they happened.
import * as assert from "node:assert/strict";
import { changesSince, inArrivalOrder, listSnapshot, seenIn } from "./arrivals";
import { objectEvent } from "./eventQueue";
import { ClusterSnapshot, KubeObject } from "./objects";

const object = (name: string, resourceVersion: string): KubeObject => ({
    metadata: { name, namespace: "west", resourceVersion },
    spec: {},
});

const snapshot = (parts: Partial<ClusterSnapshot>): ClusterSnapshot => ({
    sites: [],
    connectors: [],
    bindings: [],
    listeners: [],
    pods: [],
    networkStatus: [],
    now: "2026-01-01T00:00:00Z",
    ...parts,
});

describe("Skupper status emulator: arrivals", () => {
    it("finds what appeared, changed or went since the last poll", () => {
        const before = snapshot({ sites: [object("site", "1")], bindings: [object("a", "2"), object("b", "3")] });
        const after = snapshot({
            sites: [object("site", "1")],
            bindings: [object("a", "5")],
            connectors: [object("a", "4")],
            revisions: { AttachedConnectorBinding: "6" },
        });
        const changes = changesSince(seenIn(listSnapshot(before)), listSnapshot(after), after);
        assert.deepEqual(
            changes.map((c) => [c.id, c.position, c.object !== undefined]),
            [
                ["AttachedConnector west/a", 4n, true],
                ["AttachedConnectorBinding west/a", 5n, true],
                ["AttachedConnectorBinding west/b", 6n, false],
            ],
        );
    });

    it("places a deletion after everything when its list's revision is not known", () => {
        const before = snapshot({ listeners: [object("l", "1")] });
        const after = snapshot({});
        const [deletion] = changesSince(seenIn(listSnapshot(before)), listSnapshot(after), after);
        assert.ok(deletion.position > 10n ** 18n);
    });

    it("orders events by revision, compared as integers, keeping the given order at equal revisions", () => {
        const events = inArrivalOrder([
            { position: 10n, event: objectEvent("Site", "west/ten") },
            { position: 9n, event: objectEvent("Site", "west/nine") },
            { position: 10n, event: objectEvent("Listener", "west/ten") },
        ]);
        assert.deepEqual(
            events.map((e) => e.id),
            ["Site west/nine", "Site west/ten", "Listener west/ten"],
        );
    });
});
