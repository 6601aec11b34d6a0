// Every component of the package, each with its args and its type token: the plugin
// serves these, and the schema is inferred from them.
export { AttachedConnectorPair, AttachedConnectorPairArgs } from "./attachedConnectorPair";
export { BindingReference, ConsumerListener, ConsumerListenerArgs } from "./consumerListener";
export { SiteHalf, SiteHalfArgs } from "./siteHalf";
export { SkupperGrant, SkupperGrantArgs } from "./skupperGrant";
export { SkupperLink, SkupperLinkArgs } from "./skupperLink";
export { SiteEndpoint, SkupperSite, SkupperSiteArgs } from "./skupperSite";
export { WorkloadHalf, WorkloadHalfArgs } from "./workloadHalf";

import { AttachedConnectorPair } from "./attachedConnectorPair";
import { ConsumerListener } from "./consumerListener";
import { SiteHalf } from "./siteHalf";
import { SkupperGrant } from "./skupperGrant";
import { SkupperLink } from "./skupperLink";
import { SkupperSite } from "./skupperSite";
import { WorkloadHalf } from "./workloadHalf";

export const components = [
    AttachedConnectorPair,
    WorkloadHalf,
    SiteHalf,
    ConsumerListener,
    SkupperSite,
    SkupperGrant,
    SkupperLink,
];
