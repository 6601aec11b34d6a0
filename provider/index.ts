// The package's public API: the components with their args and output types, the typed
// Skupper resources and the components' error. The validation rules, the shared constants
// and the halves are the subpaths "/validation", "/constants" and "/halves" (see
// package.json "exports").
export {
    AttachedConnectorPair,
    AttachedConnectorPairArgs,
    BindingReference,
    ConsumerListener,
    ConsumerListenerArgs,
    SiteEndpoint,
    SiteHalf,
    SiteHalfArgs,
    SkupperGrant,
    SkupperGrantArgs,
    SkupperLink,
    SkupperLinkArgs,
    SkupperSite,
    SkupperSiteArgs,
    WorkloadHalf,
    WorkloadHalfArgs,
} from "./components";
export * from "./crds";
export { ArgumentsError } from "./validation/argumentsError";
