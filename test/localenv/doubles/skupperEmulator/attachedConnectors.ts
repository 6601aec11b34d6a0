// A site namespace's attached connectors, by name: how an event on a binding, or on a
// connector that points at this site namespace, reaches the one it concerns. Statuses are
// updated only once the namespace's Site is initialised; before that only a connector
// without a binding (or with a binding that does not accept it) hears about it.
import { AttachedConnector, AttachedConnectorSite } from "./attachedConnector";
import { Controller } from "./controller";
import { KubeObject, text } from "./objects";

export class AttachedConnectors implements AttachedConnectorSite {
    private readonly records = new Map<string, AttachedConnector>();

    constructor(
        readonly controller: Controller,
        readonly isInitialised: () => boolean,
    ) {}

    get(name: string): AttachedConnector | undefined {
        return this.records.get(name);
    }

    all(): AttachedConnector[] {
        return [...this.records.values()];
    }

    private record(name: string): AttachedConnector {
        let record = this.records.get(name);
        if (!record) {
            record = new AttachedConnector(name, this);
            this.records.set(name, record);
        }
        return record;
    }

    /** A binding in this namespace was added, changed or deleted (no binding). */
    bindingChanged(name: string, binding: KubeObject | undefined): boolean {
        let record = this.record(name);
        const before = record.binding;
        if (before && binding && text(before.spec?.connectorNamespace) !== text(binding.spec?.connectorNamespace)) {
            // Another connector namespace: a fresh record, which knows none of the connectors
            // until their next event.
            record.stopWatching();
            record = new AttachedConnector(name, this);
            this.records.set(name, record);
        }
        const changed = binding ? record.bindingUpdated(binding) : record.bindingDeleted();
        if (changed && this.isInitialised()) return record.updateStatus();
        return true;
    }

    /** A connector pointing at this namespace was added or changed. */
    connectorUpdated(definition: KubeObject): boolean {
        const record = this.record(definition.metadata.name);
        if (record.definitionUpdated(definition) && this.isInitialised()) return record.updateStatus();
        return true;
    }

    /** A connector pointing at this namespace was deleted. */
    connectorDeleted(connectorNamespace: string, name: string): boolean {
        const record = this.records.get(name);
        if (record?.definitionDeleted(connectorNamespace) && this.isInitialised()) return record.updateStatus();
        return true;
    }

    /**
     * A connector now points at another site namespace. The record is dropped, binding
     * and all, and what is left is reported as a pod watcher reporting no pods would.
     */
    connectorUnreferenced(definition: KubeObject): boolean {
        const record = this.records.get(definition.metadata.name);
        if (!record?.definitionDeleted(definition.metadata.namespace)) return true;
        this.records.delete(definition.metadata.name);
        return record.podsUpdated([]);
    }

    stopAllWatchers(): void {
        for (const record of this.records.values()) record.stopWatching();
    }
}
