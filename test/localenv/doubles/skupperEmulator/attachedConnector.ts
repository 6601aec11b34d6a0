// One name in a site namespace: the AttachedConnectorBinding of that name, the
// AttachedConnectors of that name that point at the site namespace (one per connector
// namespace; the binding names the one it accepts), and the pod watcher of the accepted
// one. It keeps its own copies of the objects: the last one handled or written of each.
// A status is set on a copy first and then written; a write that fails leaves the copy
// as set, so the controller does not try that status again until the copy is replaced.
import {
    BINDING_REQUIRES,
    CONNECTOR_REQUIRES,
    READY,
    pendingState,
    setCondition,
    setConfigured,
    setReady,
} from "./conditions";
import { Controller } from "./controller";
import { KubeObject, sameSpec, text } from "./objects";
import { PodConsumer, PodWatcher } from "./podWatcher";

export const NO_BINDING = "No matching AttachedConnectorBinding in site namespace";
export const NO_CONNECTOR = "No matching AttachedConnector";
export const NO_PODS = "No matches for selector";
export const NOT_READY = "Not ready";

export function notAllowed(binding: KubeObject, connectorNamespace: string): string {
    const { namespace, name } = binding.metadata;
    const allowed = text(binding.spec?.connectorNamespace);
    return `AttachedConnectorBinding ${namespace}/${name} does not allow AttachedConnector in ${connectorNamespace} (only ${allowed})`;
}

/** What a site namespace's attached connectors share. */
export interface AttachedConnectorSite {
    readonly controller: Controller;
    /** Whether the namespace's Site has been initialised (only then are pairs configured). */
    isInitialised(): boolean;
}

export class AttachedConnector implements PodConsumer {
    /** The connectors of this name by their namespace. */
    readonly definitions = new Map<string, KubeObject>();
    binding?: KubeObject;
    watcher?: PodWatcher;

    constructor(
        readonly name: string,
        private readonly site: AttachedConnectorSite,
    ) {}

    /** The connector the binding accepts: the one in its connectorNamespace. */
    activeDefinition(): KubeObject | undefined {
        if (!this.binding) return undefined;
        return this.definitions.get(text(this.binding.spec?.connectorNamespace));
    }

    includeNotReadyPods(): boolean {
        return Boolean(this.activeDefinition()?.spec?.includeNotReadyPods);
    }

    /** A connector of this name was added or changed. True when the pair's status is to be updated. */
    definitionUpdated(definition: KubeObject): boolean {
        const namespace = definition.metadata.namespace;
        const existing = this.definitions.get(namespace);
        const specChanged = !existing || !sameSpec(existing.spec, definition.spec);
        const selectorChanged = !existing || text(existing.spec?.selector) !== text(definition.spec?.selector);
        this.definitions.set(namespace, definition);
        if (!this.binding) {
            this.configureDefinition(definition, NO_BINDING);
            return false;
        }
        if (text(this.binding.spec?.connectorNamespace) !== namespace) {
            this.configureDefinition(definition, notAllowed(this.binding, namespace));
            return false;
        }
        if (this.site.isInitialised() && (selectorChanged || !this.watcher)) {
            // Nothing to report until the new watcher lists the selector's pods.
            this.watchPods();
            return false;
        }
        return specChanged && this.watcher !== undefined;
    }

    /** The binding was added or changed. True when its spec is new. */
    bindingUpdated(binding: KubeObject): boolean {
        const changed = !this.binding || !sameSpec(this.binding.spec, binding.spec);
        this.binding = binding;
        return changed;
    }

    definitionDeleted(connectorNamespace: string): boolean {
        if (!this.definitions.has(connectorNamespace)) return false;
        this.stopWatching();
        this.definitions.delete(connectorNamespace);
        return true;
    }

    bindingDeleted(): boolean {
        if (!this.binding) return false;
        this.binding = undefined;
        this.stopWatching();
        return true;
    }

    stopWatching(): void {
        if (!this.watcher) return;
        this.site.controller.stopWatching(this.watcher);
        this.watcher = undefined;
    }

    /** The status of the binding and its connectors after a change to one of them. */
    updateStatus(): boolean {
        if (!this.binding) return this.reportNoBinding();
        const active = this.activeDefinition();
        if (!active) return this.reportToAll(NO_CONNECTOR, undefined);
        if (!this.watcher) return this.reportToAll(NOT_READY, active);
        const pods = this.watcher.counted(this.site.controller.cluster);
        return this.reportToAll(pods.length ? undefined : NO_PODS, active);
    }

    /** The pod watcher's report (and what a connector moving to another site namespace leaves). */
    podsUpdated(pods: KubeObject[]): boolean {
        if (!this.binding) return this.reportNoBinding();
        const active = this.activeDefinition();
        if (!active) return this.reportToAll(NO_CONNECTOR, undefined);
        return this.reportToAll(pods.length ? undefined : NO_PODS, active);
    }

    /** hasMatchingListener from the network; Matched is set only when it flips. */
    setMatchingListenerCount(count: number): void {
        const binding = this.binding;
        if (!binding) return;
        const has = count > 0;
        if (Boolean(binding.status?.hasMatchingListener) === has) return;
        binding.status ??= {};
        if (has) binding.status.hasMatchingListener = true;
        else delete binding.status.hasMatchingListener; // false is omitted
        const now = this.site.controller.cluster.now;
        if (setCondition(binding, "Matched", has ? READY : pendingState("Pending"), now)) {
            setReady(binding, BINDING_REQUIRES, now);
        }
        this.writeBinding(); // a failure is only logged
    }

    private watchPods(): void {
        this.stopWatching();
        const active = this.activeDefinition();
        if (!active) return;
        const selector = text(active.spec?.selector);
        this.watcher = this.site.controller.watchPods(this, active.metadata.namespace, selector);
    }

    private reportNoBinding(): boolean {
        let ok = true;
        for (const definition of this.definitions.values()) {
            if (this.setConnectorConfigured(definition, NO_BINDING)) ok = this.writeDefinition(definition) && ok;
        }
        return ok;
    }

    /** The binding and the accepted connector get the verdict; the other connectors are refused. */
    private reportToAll(error: string | undefined, active: KubeObject | undefined): boolean {
        const binding = this.binding!;
        const now = this.site.controller.cluster.now;
        let ok = true;
        if (setConfigured(binding, error, BINDING_REQUIRES, now)) ok = this.writeBinding() && ok;
        if (active && this.setConnectorConfigured(active, error)) ok = this.writeDefinition(active) && ok;
        const accepted = text(binding.spec?.connectorNamespace);
        for (const [namespace, definition] of this.definitions) {
            if (namespace === accepted) continue;
            if (this.setConnectorConfigured(definition, notAllowed(binding, namespace))) {
                ok = this.writeDefinition(definition) && ok;
            }
        }
        return ok;
    }

    /** Sets and writes a connector's Configured where a failed write is only logged. */
    private configureDefinition(definition: KubeObject, error: string): void {
        if (this.setConnectorConfigured(definition, error)) this.writeDefinition(definition);
    }

    private setConnectorConfigured(definition: KubeObject, error: string | undefined): boolean {
        return setConfigured(definition, error, CONNECTOR_REQUIRES, this.site.controller.cluster.now);
    }

    private writeDefinition(definition: KubeObject): boolean {
        const updated = this.site.controller.cluster.updateStatus("AttachedConnector", definition);
        if (updated) this.definitions.set(updated.metadata.namespace, updated);
        return updated !== undefined;
    }

    private writeBinding(): boolean {
        if (!this.binding) return true;
        const updated = this.site.controller.cluster.updateStatus("AttachedConnectorBinding", this.binding);
        if (updated) this.binding = updated;
        return updated !== undefined;
    }
}
