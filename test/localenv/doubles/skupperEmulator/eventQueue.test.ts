// The controller's one work queue.
import * as assert from "node:assert/strict";
import { EventQueue, objectEvent } from "./eventQueue";

const drain = (queue: EventQueue) => {
    const keys: string[] = [];
    for (let event = queue.next(); event; event = queue.next()) keys.push(event.key);
    return keys;
};

describe("Skupper status emulator: the event queue", () => {
    it("takes events first in, first out, and does not add a key that is already waiting", () => {
        const queue = new EventQueue();
        queue.add(objectEvent("Site", "west/a"));
        queue.add(objectEvent("Listener", "west/a"));
        queue.add(objectEvent("Site", "west/a"));
        assert.deepEqual(drain(queue), ["west/a", "west/a"]);
    });

    it("puts a key added while it is handled behind the others", () => {
        const queue = new EventQueue();
        queue.add(objectEvent("Site", "west/a"));
        queue.add(objectEvent("Site", "west/b"));
        const first = queue.next()!;
        queue.add(first);
        assert.deepEqual(drain(queue), ["west/b", "west/a"]);
    });

    it("retries a failed event five times at most, counting afresh after a success", () => {
        const queue = new EventQueue();
        const event = objectEvent("Site", "west/a");
        let attempts = 0;
        queue.add(event);
        for (let next = queue.next(); next; next = queue.next()) {
            attempts++;
            queue.retry(next);
        }
        assert.equal(attempts, 6);
        queue.add(event);
        queue.done(queue.next()!);
        queue.retry(event);
        assert.equal(queue.length, 1);
    });
});
