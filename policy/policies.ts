// Every policy of the pack, importable without starting the pack (tests use this).
import { Policies } from "@pulumi/policy";
import { accessCodeSecret } from "./resources/accessCodeSecret";
import { awaitReadiness } from "./resources/awaitReadiness";
import { boundedGrants } from "./resources/boundedGrants";
import { exposePodsByName } from "./resources/exposePodsByName";
import { linkCost } from "./resources/linkCost";
import { listenerService } from "./resources/listenerService";
import { namespaceGrants } from "./resources/namespaceGrants";
import { noSelfAttachment } from "./resources/noSelfAttachment";
import { noSystemNamespaces } from "./resources/noSystemNamespaces";
import { objectNameFormat } from "./resources/objectNameFormat";
import { portRange } from "./resources/portRange";
import { requireTls } from "./resources/requireTls";
import { routingKeyFormat } from "./resources/routingKeyFormat";
import { selector } from "./resources/selector";
import { settingsIgnored } from "./resources/settingsIgnored";
import { tokenHttps } from "./resources/tokenHttps";
import { connectorType } from "./resources/connectorType";
import { useClientCertIgnored } from "./resources/useClientCertIgnored";
import { awaitOrder } from "./stack/awaitOrder";
import { listenerServed } from "./stack/listenerServed";
import { nameCollision } from "./stack/nameCollision";
import { pairing } from "./stack/pairing";
import { routingKeyOwnership } from "./stack/routingKeyOwnership";
import { routingKeyUnique } from "./stack/routingKeyUnique";
import { unconfiguredPolicies } from "./stack/unconfiguredPolicies";

/** The pack's name, as PulumiPolicy.yaml states it. */
export const packName = "skupper-attached-connectors";

export const policies: Policies = [
    portRange,
    selector,
    connectorType,
    objectNameFormat,
    routingKeyFormat,
    listenerService,
    noSelfAttachment,
    noSystemNamespaces,
    namespaceGrants,
    boundedGrants,
    tokenHttps,
    linkCost,
    requireTls,
    exposePodsByName,
    settingsIgnored,
    useClientCertIgnored,
    awaitReadiness,
    accessCodeSecret,
    pairing,
    awaitOrder,
    nameCollision,
    routingKeyUnique,
    listenerServed,
    routingKeyOwnership,
    // Last: it reports what the policies above noted during the run.
    unconfiguredPolicies,
];
