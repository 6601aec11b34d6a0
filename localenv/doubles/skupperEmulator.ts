// TEST DOUBLE, never shipped in the package: a stand-in for the status that Skupper
// 2.2.1's controller writes on Sites, AttachedConnectors (acnr) and
// AttachedConnectorBindings (acnrb). The end-to-end tier runs it ("emulated mode") only
// where no real controller can be had; the same scenarios against the real controller
// ("real mode") keep it honest. It describes observable behaviour, it is not a port.
//
// Like the controller, it keeps a little memory per site namespace: which Site is the
// active (initialised) one, each binding and each connector by name, whether a pod
// watcher runs for a pair and which pods it last saw, and the last network it read.
// Every object that changed since the last poll (its own status writes included, and a
// status it set and set back within one poll) is an event, handled in the order sites,
// connectors, bindings, pods, network status; every five minutes all of them are, as
// the controller's informers resync. Statuses are written only where they differ from
// the cluster's.
//
//   node -r ts-node/register/transpile-only localenv/doubles/skupperEmulator.ts --kubeconfig <file>
import { KubeClient, KubeError, paths } from "../cluster/kubeClient";
import { readKubeconfig } from "../cluster/kubeconfig";
import { SKUPPER_API_VERSION, SkupperKind } from "../../provider/constants";
import { parseSelector, Requirement } from "../../provider/validation/selector";

// ---------------------------------------------------------------- shapes and inputs
interface Condition {
    type: string;
    status: string;
    reason: string;
    message: string;
    lastTransitionTime: string;
    observedGeneration?: number;
}
export interface KubeObject {
    metadata: {
        name: string;
        namespace: string;
        generation?: number;
        resourceVersion?: string;
        creationTimestamp?: string;
        deletionTimestamp?: string;
        labels?: Record<string, string>;
    };
    spec?: any;
    status?: any;
    data?: Record<string, string>;
}
/** One poll of the cluster: every Site, connector, binding, Pod and skupper-network-status ConfigMap. */
export interface ClusterSnapshot {
    sites: KubeObject[];
    connectors: KubeObject[];
    bindings: KubeObject[];
    pods: KubeObject[];
    networkStatus: KubeObject[];
    now: string;
}
export type EmulatedKind = Extract<SkupperKind, "Site" | "AttachedConnector" | "AttachedConnectorBinding">;
/** A status to PUT: the object as listed, carrying the new status. */
export interface StatusWrite {
    kind: EmulatedKind;
    object: KubeObject;
}

// ------------------------------------------------- conditions, as types.go derives them
type State = { status: "True" | "False"; reason: string; message: string };
const OK: State = { status: "True", reason: "Ready", message: "OK" };
const failed = (message: string): State => ({ status: "False", reason: "Error", message });
const NO_BINDING = "No matching AttachedConnectorBinding in site namespace";
const NO_CONNECTOR = "No matching AttachedConnector";
const NO_PODS = "No matches for selector";
const NOT_READY = "Not ready";
const notAllowed = (b: KubeObject, ns: string) =>
    `AttachedConnectorBinding ${b.metadata.namespace}/${b.metadata.name} does not allow AttachedConnector in ${ns} (only ${b.spec.connectorNamespace})`;

/** Sets a condition; lastTransitionTime moves only when its status flips. True when anything changed. */
function setCondition(obj: KubeObject, type: string, state: State, now: string): boolean {
    const conditions: Condition[] = ((obj.status ??= {}).conditions ??= []);
    const generation = obj.metadata.generation ?? 0;
    const found = conditions.find((c) => c.type === type);
    if (!found) {
        conditions.push({ type, ...state, lastTransitionTime: now, observedGeneration: generation });
        return true;
    }
    const before = JSON.stringify(found);
    if (found.status !== state.status) found.lastTransitionTime = now;
    Object.assign(found, state, { observedGeneration: generation });
    return JSON.stringify(found) !== before;
}

/** status.status / message and the Ready condition: the first required condition not True decides. */
function setReady(obj: KubeObject, required: string[], now: string): void {
    let state = OK;
    for (const type of required) {
        const c = (obj.status.conditions as Condition[]).find((x) => x.type === type);
        if (!c) state = { status: "False", reason: "Pending", message: `Not ${type}` };
        else if (c.status === "False") state = { status: "False", reason: c.reason, message: c.message };
        if (state !== OK) break;
    }
    Object.assign(obj.status, { status: state.reason, message: state.message });
    setCondition(obj, "Ready", state, now);
}

/** Whether the status changed. */
function setConfigured(obj: KubeObject, err: string | undefined, required: string[], now: string): boolean {
    if (!setCondition(obj, "Configured", err ? failed(err) : OK, now)) return false;
    setReady(obj, required, now);
    return true;
}

// ------------------------------------------------------------------ the label selector
type LabelTest = (labels: Record<string, string>) => boolean;

/** How the API server matches one requirement (absent keys satisfy != and notin). */
function matches(r: Requirement, labels: Record<string, string>): boolean {
    const value = labels[r.key];
    switch (r.operator) {
        case "exists":
            return value !== undefined;
        case "!":
            return value === undefined;
        case "=":
        case "==":
        case "in":
            return value !== undefined && (r.values.length ? r.values : [""]).includes(value);
        case "!=":
        case "notin":
            return value === undefined || !(r.values.length ? r.values : [""]).includes(value);
        case ">":
            return value !== undefined && /^-?\d+$/.test(value) && BigInt(value) > BigInt(r.values[0]);
        case "<":
            return value !== undefined && /^-?\d+$/.test(value) && BigInt(value) < BigInt(r.values[0]);
    }
}

/** A label selector's string form as a test; undefined when it does not parse (listing pods with it fails). */
function labelSelector(selector: string): LabelTest | undefined {
    const parsed = parseSelector(selector);
    if (parsed.problem !== undefined) return undefined;
    return (labels) => parsed.requirements.every((r) => matches(r, labels));
}

// ------------------------------------------------------- the controller's memory and rules
interface Watcher {
    namespace: string;
    selector: string;
    seen: string;
}
/** One name in a site namespace: its binding, the connectors naming this site by namespace, the pod watcher. */
interface Attached {
    binding?: KubeObject;
    definitions: Map<string, KubeObject>;
    watcher?: Watcher;
}
interface SiteState {
    active?: string;
    attached: Map<string, Attached>;
    network?: string;
}

const BINDING_REQUIRES = ["Configured", "Matched"];
const RESYNC_MS = 5 * 60 * 1000;
const key = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o));
const kindOf = (o: KubeObject): EmulatedKind =>
    "connectorNamespace" in (o.spec ?? {}) ? "AttachedConnectorBinding" : "AttachedConnector";

export class SkupperControllerModel {
    private readonly sites = new Map<string, SiteState>();
    private seen = new Map<string, string>(); // "<Kind> ns/name" -> the object's JSON at the last poll
    private snapshot!: ClusterSnapshot;
    private touched = new Set<KubeObject>(); // copies whose status a handler set this poll
    // Objects whose status a handler changed this poll. The controller writes each change
    // at once, and each write comes back as an event, even when a later handler in the
    // same pass sets the status back: these are handled again at the next poll.
    private echoes = new Set<string>();
    private lastResync?: number;

    /** Handles one poll's events and returns the status writes the controller would make. */
    step(snapshot: ClusterSnapshot): StatusWrite[] {
        this.snapshot = snapshot;
        this.touched.clear();
        const echoes = this.echoes;
        this.echoes = new Set();
        const time = Date.parse(snapshot.now),
            resync = time - (this.lastResync ??= time) >= RESYNC_MS;
        if (resync) this.lastResync = time;
        const seen = new Map<string, string>(),
            current = new Map<string, KubeObject>();
        const events = (
            kind: string,
            objects: KubeObject[],
            handle: (now?: KubeObject, before?: KubeObject) => void,
        ) => {
            const byAge = [...objects].sort((a, b) =>
                (a.metadata.creationTimestamp ?? "").localeCompare(b.metadata.creationTimestamp ?? ""),
            );
            for (const o of byAge) {
                const k = `${kind} ${key(o)}`,
                    json = JSON.stringify(o),
                    before = this.seen.get(k);
                seen.set(k, json);
                current.set(k, o);
                if (before !== json || resync || echoes.has(k))
                    handle(JSON.parse(json), before === undefined ? undefined : JSON.parse(before));
            }
            for (const [k, before] of this.seen)
                if (k.startsWith(`${kind} `) && !seen.has(k)) handle(undefined, JSON.parse(before));
        };
        events("Site", snapshot.sites, (site, before) => this.siteEvent(site, before));
        events("AttachedConnector", snapshot.connectors, (c, before) => this.connectorEvent(c, before));
        events("AttachedConnectorBinding", snapshot.bindings, (b, before) => this.bindingEvent(b, before));
        for (const site of this.sites.values()) for (const a of site.attached.values()) this.podEvents(a, resync);
        events("ConfigMap", snapshot.networkStatus, (cm) => cm && this.networkEvent(cm));
        this.seen = seen;
        return this.writes(current);
    }

    private site(ns: string): SiteState {
        if (!this.sites.has(ns)) this.sites.set(ns, { attached: new Map() });
        return this.sites.get(ns)!;
    }

    private record(site: SiteState, name: string): Attached {
        if (!site.attached.has(name)) site.attached.set(name, { definitions: new Map() });
        return site.attached.get(name)!;
    }

    private siteEvent(site?: KubeObject, before?: KubeObject): void {
        if (site)
            this.site(site.metadata.namespace).active ??= site.metadata.name; // the first Site initialises
        else if (this.sites.get(before!.metadata.namespace)?.active === before!.metadata.name)
            this.sites.delete(before!.metadata.namespace);
    }

    private connectorEvent(def?: KubeObject, before?: KubeObject): void {
        if (before && (!def || before.spec.siteNamespace !== def.spec.siteNamespace)) {
            const site = this.sites.get(before.spec.siteNamespace),
                a = site?.attached.get(before.metadata.name);
            if (site && a?.definitions.delete(before.metadata.namespace)) {
                a.watcher = undefined;
                if (def) {
                    site.attached.delete(before.metadata.name);
                    this.configureFromPods(a, 0);
                } // moved away
                else if (site.active) this.updateStatus(a); // deleted
            }
        }
        if (!def) return;
        const site = this.site(def.spec.siteNamespace),
            a = this.record(site, def.metadata.name),
            ns = def.metadata.namespace;
        const old = a.definitions.get(ns);
        const specChanged = !old || JSON.stringify(old.spec) !== JSON.stringify(def.spec);
        const selectorChanged = !old || old.spec.selector !== def.spec.selector;
        a.definitions.set(ns, def);
        if (!a.binding) this.configure(def, NO_BINDING);
        else if (a.binding.spec.connectorNamespace !== ns) this.configure(def, notAllowed(a.binding, ns));
        else if (site.active && (selectorChanged || !a.watcher))
            a.watcher = { namespace: ns, selector: def.spec.selector, seen: "" };
        else if (specChanged && a.watcher && site.active) this.updateStatus(a);
    }

    private bindingEvent(binding?: KubeObject, before?: KubeObject): void {
        const obj = (binding ?? before)!,
            site = this.site(obj.metadata.namespace);
        let a = this.record(site, obj.metadata.name);
        if (binding && a.binding && a.binding.spec.connectorNamespace !== binding.spec.connectorNamespace) {
            a = { definitions: new Map() }; // a new record: the connectors are forgotten until their next event
            site.attached.set(obj.metadata.name, a);
        }
        const changed = binding
            ? !a.binding || JSON.stringify(a.binding.spec) !== JSON.stringify(binding.spec)
            : !!a.binding;
        a.binding = binding;
        if (!binding) a.watcher = undefined;
        if (changed && site.active) this.updateStatus(a);
    }

    /** The pod watcher reports when the pods its label selector lists change (its first list included). */
    private podEvents(a: Attached, resync: boolean): void {
        if (!a.watcher) return;
        const fingerprint = this.labelled(a.watcher)
            .map((p) => p.metadata.resourceVersion ?? JSON.stringify(p))
            .join(";");
        if (fingerprint === a.watcher.seen && !(resync && fingerprint)) return;
        a.watcher.seen = fingerprint;
        this.configureFromPods(a, this.selected(a).length);
    }

    private networkEvent(cm: KubeObject): void {
        const site = this.sites.get(cm.metadata.namespace);
        let status: any;
        try {
            status = JSON.parse(cm.data?.NetworkStatus || "null");
        } catch {
            return;
        }
        if (!status || !site?.active) return;
        const listeners = new Map<string, number>(),
            records: string[] = [];
        for (const s of status.siteStatus ?? []) {
            const found = (s.routerStatus ?? []).flatMap((r: any) =>
                (r.listeners ?? []).filter((l: any) => l.name && l.address),
            );
            for (const l of found) listeners.set(l.address, (listeners.get(l.address) ?? 0) + 1);
            const connectors = (s.routerStatus ?? []).flatMap((r: any) =>
                (r.connectors ?? [])
                    .filter((c: any) => c.address && c.destHost)
                    .map((c: any) => `${c.address}>${c.destHost}`),
            );
            records.push(
                JSON.stringify([s.site, found.map((l: any) => `${l.address}<${l.name}`).sort(), connectors.sort()]),
            );
        }
        const network = JSON.stringify(records);
        if (network === site.network) return; // the same network as last time: nothing is re-evaluated
        site.network = network;
        for (const a of site.attached.values()) {
            const b = a.binding,
                has = (listeners.get(b?.spec.routingKey) ?? 0) > 0;
            if (!b || !!b.status?.hasMatchingListener === has) continue;
            if (has) b.status = { ...b.status, hasMatchingListener: true };
            else delete b.status.hasMatchingListener;
            if (
                setCondition(
                    b,
                    "Matched",
                    has ? OK : { status: "False", reason: "Pending", message: "Pending" },
                    this.snapshot.now,
                )
            )
                setReady(b, BINDING_REQUIRES, this.snapshot.now);
            this.touched.add(b);
        }
    }

    private activeDefinition(a: Attached): KubeObject | undefined {
        return a.binding && a.definitions.get(a.binding.spec.connectorNamespace);
    }

    private configure(obj: KubeObject, err: string | undefined): void {
        if (
            setConfigured(
                obj,
                err,
                kindOf(obj) === "AttachedConnectorBinding" ? BINDING_REQUIRES : ["Configured"],
                this.snapshot.now,
            )
        ) {
            this.echoes.add(`${kindOf(obj)} ${key(obj)}`);
        }
        this.touched.add(obj);
    }

    /** The binding, the active connector and every other connector of the name get the same verdict. */
    private configureAll(a: Attached, err: string | undefined): void {
        const active = this.activeDefinition(a);
        this.configure(a.binding!, active ? err : NO_CONNECTOR);
        for (const [ns, def] of a.definitions) this.configure(def, def === active ? err : notAllowed(a.binding!, ns));
    }

    /** What a pod event (or a connector moving away) concludes. */
    private configureFromPods(a: Attached, pods: number): void {
        if (!a.binding) for (const def of a.definitions.values()) this.configure(def, NO_BINDING);
        else this.configureAll(a, pods > 0 ? undefined : NO_PODS);
    }

    /** What a spec change concludes: "Not ready" while no pod watcher runs. */
    private updateStatus(a: Attached): void {
        if (a.binding && !a.watcher) this.configureAll(a, NOT_READY);
        else this.configureFromPods(a, a.watcher ? this.selected(a).length : 0);
    }

    private labelled(w: Watcher): KubeObject[] {
        const matches = labelSelector(w.selector ?? "");
        return this.snapshot.pods.filter(
            (p) => p.metadata.namespace === w.namespace && matches?.(p.metadata.labels ?? {}),
        );
    }

    /** Pods that count: Running, not being deleted, and Ready unless includeNotReadyPods. */
    private selected(a: Attached): KubeObject[] {
        const anyReadiness = !!this.activeDefinition(a)?.spec.includeNotReadyPods;
        return this.labelled(a.watcher!).filter(
            (p) =>
                p.status?.phase === "Running" &&
                !p.metadata.deletionTimestamp &&
                (anyReadiness || p.status?.conditions?.some((c: any) => c.type === "Ready" && c.status === "True")),
        );
    }

    private writes(current: Map<string, KubeObject>): StatusWrite[] {
        const wanted: [EmulatedKind, KubeObject][] = [];
        for (const site of this.snapshot.sites) {
            const state = this.sites.get(site.metadata.namespace),
                copy = clone(site);
            if (!state?.active) continue;
            const linkAccess = copy.spec?.linkAccess;
            const required = ["Configured", "Running", ...(linkAccess && linkAccess !== "none" ? ["Resolved"] : [])];
            if (state.active === copy.metadata.name)
                (copy.status ??= {}).defaultIssuer =
                    copy.spec?.defaultIssuer || copy.status?.defaultIssuer || "skupper-site-ca";
            setConfigured(
                copy,
                state.active === copy.metadata.name
                    ? undefined
                    : `An active site already exists in the namespace (${state.active})`,
                required,
                this.snapshot.now,
            );
            wanted.push(["Site", copy]);
        }
        // The controller's copies: those it holds, and those it wrote through a record it then dropped.
        const copies = new Map([...this.touched].map((obj) => [`${kindOf(obj)} ${key(obj)}`, obj]));
        for (const site of this.sites.values())
            for (const a of site.attached.values()) {
                for (const obj of [a.binding, ...a.definitions.values()])
                    if (obj) copies.set(`${kindOf(obj)} ${key(obj)}`, obj);
            }
        for (const obj of copies.values()) wanted.push([kindOf(obj), obj]);
        return wanted.flatMap(([kind, obj]) => {
            const live = current.get(`${kind} ${key(obj)}`);
            if (!live || canonical(live.status) === canonical(obj.status)) return [];
            return [{ kind, object: { ...live, status: clone(obj.status) } }];
        });
    }
}

function canonical(value: unknown): string {
    if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
    if (value && typeof value === "object")
        return `{${Object.keys(value)
            .sort()
            .map((k) => `${k}:${canonical((value as any)[k])}`)
            .join(",")}}`;
    return JSON.stringify(value ?? null);
}

// ------------------------------------------------------------------ the process: poll and write
async function readSnapshot(kube: KubeClient): Promise<ClusterSnapshot> {
    const items = async (path: string) => (await kube.get<{ items?: KubeObject[] }>(path)).items ?? [];
    const sites = await items(paths.skupperAll("Site"));
    const bindings = await items(paths.skupperAll("AttachedConnectorBinding")); // before connectors, which the component creates first
    const connectors = await items(paths.skupperAll("AttachedConnector"));
    const pods = await items("/api/v1/pods");
    const networkStatus = await items("/api/v1/configmaps?fieldSelector=metadata.name%3Dskupper-network-status");
    return { sites, connectors, bindings, pods, networkStatus, now: new Date().toISOString().replace(/\.\d+Z$/, "Z") };
}

async function writeStatus(kube: KubeClient, { kind, object }: StatusWrite): Promise<void> {
    const { name, namespace } = object.metadata;
    try {
        await kube.request("PUT", `${paths.skupper(namespace, kind, name)}/status`, {
            ...object,
            apiVersion: SKUPPER_API_VERSION,
            kind,
        });
        console.log(
            `[skupper-emulator] ${kind} ${namespace}/${name}: ${object.status.status ?? ""} ${object.status.message ?? ""}`,
        );
    } catch (e) {
        // 409: the object changed since it was listed; 404: it is gone. The next poll sees either.
        if (!(e instanceof KubeError && (e.status === 409 || e.status === 404))) throw e;
    }
}

async function main(argv: string[]): Promise<void> {
    const flag = argv.indexOf("--kubeconfig");
    const file = flag >= 0 ? argv[flag + 1] : process.env.KUBECONFIG;
    if (!file) throw new Error("usage: skupperEmulator.ts --kubeconfig <file>");
    const kube = new KubeClient(readKubeconfig(file));
    const model = new SkupperControllerModel();
    let stopping = false,
        wake = () => undefined as void;
    const stop = () => {
        stopping = true;
        wake();
    };
    process.on("SIGTERM", stop).on("SIGINT", stop);
    console.log("[skupper-emulator] watching all namespaces");
    while (!stopping) {
        try {
            for (const write of model.step(await readSnapshot(kube))) await writeStatus(kube, write);
        } catch (e) {
            console.error(`[skupper-emulator] ${(e as Error).message}`);
        }
        await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 200);
            wake = () => {
                clearTimeout(timer);
                resolve();
            };
        });
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        () => process.exit(0),
        (e) => {
            console.error(`[skupper-emulator] ${e.message}`);
            process.exit(1);
        },
    );
}
