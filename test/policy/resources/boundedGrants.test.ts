// skupper-bounded-grants: redemptions and expiration window, Go durations, Skupper's defaults.
import * as assert from "node:assert/strict";
import { boundedGrants } from "../../../policy/resources/boundedGrants";
import { grant, token, validateResource } from "../helper";

describe("skupper-bounded-grants", () => {
    it("is mandatory", () => assert.equal(boundedGrants.enforcementLevel, "mandatory"));

    it("passes a grant that leaves both fields to Skupper (1 redemption, 15m)", async () => {
        assert.deepEqual(await validateResource(boundedGrants, grant("west", "g")), []);
    });

    it("passes one redemption within an hour", async () => {
        const bounded = grant("west", "g", { redemptionsAllowed: 1, expirationWindow: "1h" });
        assert.deepEqual(await validateResource(boundedGrants, bounded), []);
    });

    for (const redemptionsAllowed of [2, 0, -1, 1.5, "1"]) {
        it(`flags redemptionsAllowed ${JSON.stringify(redemptionsAllowed)}, naming the field`, async () => {
            assert.deepEqual(await validateResource(boundedGrants, grant("west", "g", { redemptionsAllowed })), [
                `AccessGrant 'west/g': spec.redemptionsAllowed ${JSON.stringify(redemptionsAllowed)} is not allowed; expected an integer from 1 to 1 (maxRedemptions), or none: Skupper then allows 1.`,
            ]);
        });
    }

    it("takes maxRedemptions from config", async () => {
        const five = grant("west", "g", { redemptionsAllowed: 5 });
        assert.deepEqual(await validateResource(boundedGrants, five, { maxRedemptions: 5 }), []);
        assert.deepEqual(await validateResource(boundedGrants, five, { maxRedemptions: 4 }), [
            "AccessGrant 'west/g': spec.redemptionsAllowed 5 is not allowed; expected an integer from 1 to 4 (maxRedemptions), or none: Skupper then allows 1.",
        ]);
    });

    for (const window of ["15m", "1h", "59m59s", "1.5m", "3600s", ".5h", "900000ms", "1h0m0s"]) {
        it(`passes the Go duration ${window}`, async () => {
            assert.deepEqual(
                await validateResource(boundedGrants, grant("west", "g", { expirationWindow: window })),
                [],
            );
        });
    }

    for (const window of ["1h30m", "61m", "1h0.1s", "2h", "90000s", "1.01h", "1.h.5m", "2562047h"]) {
        it(`flags the Go duration ${window}, longer than 1h`, async () => {
            assert.deepEqual(await validateResource(boundedGrants, grant("west", "g", { expirationWindow: window })), [
                `AccessGrant 'west/g': spec.expirationWindow "${window}" is too long; expected a Go duration of at most 1h (maxExpirationWindow).`,
            ]);
        });
    }

    for (const window of ["1 hour", "1d", "15", "h", ".h", "1..5h", "1h30", "", "2562048h", 900]) {
        it(`flags ${JSON.stringify(window)}, which Go does not parse`, async () => {
            assert.deepEqual(await validateResource(boundedGrants, grant("west", "g", { expirationWindow: window })), [
                `AccessGrant 'west/g': spec.expirationWindow ${JSON.stringify(window)} is not a Go duration, and Skupper puts the grant in error; expected a Go duration of at most 1h (maxExpirationWindow), such as 15m or 1h30m.`,
            ]);
        });
    }

    for (const window of ["0", "-0", "0s", "-5m", "+0h"]) {
        it(`flags ${window}, with which the grant expires at once`, async () => {
            assert.deepEqual(await validateResource(boundedGrants, grant("west", "g", { expirationWindow: window })), [
                `AccessGrant 'west/g': spec.expirationWindow "${window}" is not positive, so the grant expires as Skupper makes it; expected a Go duration of at most 1h (maxExpirationWindow).`,
            ]);
        });
    }

    it("reads Go's other units and signs", async () => {
        for (const window of ["1500000us", "1500000\u00b5s", "1500000\u03bcs", "1500000000ns", "+10m"]) {
            assert.deepEqual(
                await validateResource(boundedGrants, grant("west", "g", { expirationWindow: window })),
                [],
                window,
            );
        }
    });

    it("takes maxExpirationWindow from config, and flags a grant that leaves out a window longer than it", async () => {
        const config = { maxExpirationWindow: "10m" };
        assert.deepEqual(
            await validateResource(boundedGrants, grant("west", "g", { expirationWindow: "10m" }), config),
            [],
        );
        assert.deepEqual(
            await validateResource(boundedGrants, grant("west", "g", { expirationWindow: "11m" }), config),
            [
                `AccessGrant 'west/g': spec.expirationWindow "11m" is too long; expected a Go duration of at most 10m (maxExpirationWindow).`,
            ],
        );
        assert.deepEqual(await validateResource(boundedGrants, grant("west", "g"), config), [
            "AccessGrant 'west/g': spec.expirationWindow is not set, so Skupper's default of 15m applies; expected a Go duration of at most 10m (maxExpirationWindow).",
        ]);
    });

    it("declares maxExpirationWindow's form in its schema, and refuses a config it cannot read", async () => {
        const schema = boundedGrants.configSchema!.properties.maxExpirationWindow as { pattern: string };
        const pattern = new RegExp(schema.pattern, "u");
        for (const ok of ["1h", "1h30m", "90s", "0", ".5h"]) assert.match(ok, pattern);
        for (const bad of ["1 hour", "1d", "15", ""]) assert.doesNotMatch(bad, pattern);
        await assert.rejects(
            validateResource(boundedGrants, grant("west", "g"), { maxExpirationWindow: "1d" }),
            /skupper-bounded-grants: maxExpirationWindow "1d" is not a Go duration/,
        );
    });

    it("reports both fields at once, and ignores tokens", async () => {
        const loose = grant("west", "g", { redemptionsAllowed: 10, expirationWindow: "24h" });
        assert.equal((await validateResource(boundedGrants, loose)).length, 2);
        assert.deepEqual(await validateResource(boundedGrants, token("east", "g", { redemptionsAllowed: 10 })), []);
    });
});
