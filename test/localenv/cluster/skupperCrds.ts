// Skupper's own CRDs, read from a folder (its config/crd/bases), and how the CRDs
// generated from this project's typed resources (crds.ts) differ from them, field by
// field: group, version, names, scope, status subresource, every property's type and
// every required list.
import * as fs from "node:fs";
import * as path from "node:path";
import { loadAll } from "js-yaml";
import { SkupperKind, skupperKinds } from "../../../provider/constants";
import { CustomResourceDefinition, CustomResourceDefinitionVersion, JSONSchemaProps } from "./customResourceDefinition";

/** Every CustomResourceDefinition in the `*.yaml` files of `dir` (e.g. Skupper's config/crd/bases). */
export function readCrdFolder(dir: string): CustomResourceDefinition[] {
    const files = fs
        .readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort();
    const crds: CustomResourceDefinition[] = [];
    for (const file of files) {
        for (const doc of loadAll(fs.readFileSync(path.join(dir, file), "utf8"))) {
            const crd = doc as CustomResourceDefinition | null;
            if (crd && typeof crd === "object" && crd.kind === "CustomResourceDefinition") crds.push(crd);
        }
    }
    return crds;
}

const OURS = "ours";
const THEIRS = "Skupper's CRD";
/** Properties of the root schema that every object has; not compared. */
const ROOT_IGNORED = new Set(["apiVersion", "kind", "metadata"]);

function show(value: unknown): string {
    if (value === undefined) return "none";
    if (Array.isArray(value)) return `[${value.join(", ")}]`;
    return String(value);
}

/**
 * The differences between our generated CRDs and Skupper's own (`reference`), one
 * readable line each, for the kinds this package types (other kinds in `reference` are
 * ignored). Compared: group, version names, served/storage, kind, plural, singular,
 * shortNames, scope, the status subresource, and every property path of the schema with
 * its type plus every required list. Not compared: descriptions, formats, enums,
 * validations (patterns, lengths, minimums, oneOf), printer columns, listKind (Skupper's
 * files leave it to the API server), and the apiVersion/kind/metadata properties.
 */
export function compareCrds(generated: CustomResourceDefinition[], reference: CustomResourceDefinition[]): string[] {
    const differences: string[] = [];
    const byKind = (crds: CustomResourceDefinition[], kind: string) => crds.find((c) => c?.spec?.names?.kind === kind);
    for (const kind of Object.keys(skupperKinds) as SkupperKind[]) {
        const ours = byKind(generated, kind);
        const theirs = byKind(reference, kind);
        if (!ours && !theirs) {
            differences.push(`${kind}: missing in ours and in Skupper's CRDs`);
            continue;
        }
        if (!ours) {
            differences.push(`${kind}: missing in ours`);
            continue;
        }
        if (!theirs) {
            differences.push(`${kind}: missing in Skupper's CRDs`);
            continue;
        }
        differences.push(...compareCrd(kind, ours, theirs));
    }
    return differences;
}

function compareCrd(kind: string, ours: CustomResourceDefinition, theirs: CustomResourceDefinition): string[] {
    const out: string[] = [];
    const field = (name: string, theirValue: unknown, ourValue: unknown) => {
        if (show(theirValue) !== show(ourValue))
            out.push(`${kind} ${name}: ${show(theirValue)} in ${THEIRS}, ${show(ourValue)} in ${OURS}`);
    };
    const sorted = (list: string[] | undefined) => (list ? [...list].sort() : undefined);

    field("metadata.name", theirs.metadata?.name, ours.metadata?.name);
    field("group", theirs.spec.group, ours.spec.group);
    field("scope", theirs.spec.scope, ours.spec.scope);
    field("names.kind", theirs.spec.names?.kind, ours.spec.names?.kind);
    field("names.plural", theirs.spec.names?.plural, ours.spec.names?.plural);
    field("names.singular", theirs.spec.names?.singular, ours.spec.names?.singular);
    field("names.shortNames", sorted(theirs.spec.names?.shortNames), sorted(ours.spec.names?.shortNames));

    const ourVersions = ours.spec.versions ?? [];
    const theirVersions = theirs.spec.versions ?? [];
    field(
        "versions",
        theirVersions.map((v) => v.name),
        ourVersions.map((v) => v.name),
    );
    // Pair versions by name; a single version on each side is compared even if renamed.
    const pairs: [string, CustomResourceDefinitionVersion, CustomResourceDefinitionVersion][] =
        ourVersions.length === 1 && theirVersions.length === 1
            ? [[ourVersions[0].name, ourVersions[0], theirVersions[0]]]
            : ourVersions.flatMap((o) => {
                  const t = theirVersions.find((v) => v.name === o.name);
                  return t
                      ? [[o.name, o, t] as [string, CustomResourceDefinitionVersion, CustomResourceDefinitionVersion]]
                      : [];
              });
    const many = ourVersions.length > 1 || theirVersions.length > 1;
    for (const [name, o, t] of pairs) {
        const prefix = many ? `${name} ` : "";
        field(`${prefix}served`, t.served, o.served);
        field(`${prefix}storage`, t.storage, o.storage);
        const hasStatus = (v: CustomResourceDefinitionVersion) => (v.subresources?.status ? "present" : "absent");
        field(`${prefix}status subresource`, hasStatus(t), hasStatus(o));
        compareSchema(kind, prefix, "", o.schema?.openAPIV3Schema, t.schema?.openAPIV3Schema, out);
    }
    return out;
}

function compareSchema(
    kind: string,
    prefix: string,
    at: string,
    ours: JSONSchemaProps | undefined,
    theirs: JSONSchemaProps | undefined,
    out: string[],
): void {
    const label = `${kind} ${prefix}${at || "(root)"}`;
    if (!ours && !theirs) return;
    if (!ours) {
        out.push(`${label}: missing in ${OURS}`);
        return;
    }
    if (!theirs) {
        out.push(`${label}: missing in ${THEIRS}`);
        return;
    }
    if (ours.type !== theirs.type)
        out.push(`${label}: type ${show(theirs.type)} in ${THEIRS}, ${show(ours.type)} in ${OURS}`);

    const ignored = at === "" ? ROOT_IGNORED : new Set<string>();
    const theirRequired = (theirs.required ?? []).filter((r) => !ignored.has(r)).sort();
    const ourRequired = (ours.required ?? []).filter((r) => !ignored.has(r)).sort();
    if (show(theirRequired) !== show(ourRequired)) {
        out.push(`${label}: required ${show(theirRequired)} in ${THEIRS}, ${show(ourRequired)} in ${OURS}`);
    }

    const names = [...Object.keys(theirs.properties ?? {}), ...Object.keys(ours.properties ?? {})].filter(
        (name, i, all) => all.indexOf(name) === i && !ignored.has(name),
    );
    for (const name of names) {
        compareSchema(
            kind,
            prefix,
            at ? `${at}.${name}` : name,
            ours.properties?.[name],
            theirs.properties?.[name],
            out,
        );
    }
    compareSchema(kind, prefix, `${at}[]`, ours.items, theirs.items, out);
    const map = (s: JSONSchemaProps) =>
        typeof s.additionalProperties === "object"
            ? s.additionalProperties
            : s.additionalProperties === true
              ? {}
              : undefined;
    compareSchema(kind, prefix, `${at}{}`, map(ours), map(theirs), out);
}
