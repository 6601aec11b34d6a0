// Which rule each side enforces: the components (refusing bad input, or by how they
// build the objects) and the policy pack (the policy named; its level is the pack's own).
// The docs' table is generated from this list, and a repository check holds it to the
// components' schemas and the pack.

export interface Enforcement {
    rule: string;
    /** How the components enforce it: "refused" (bad input is an error naming the field), "by construction", or none. */
    components?: "refused" | "by construction";
    /** The component arguments the rule applies to, for "refused". */
    fields?: string[];
    policy?: string;
}

export const enforcement: Enforcement[] = [
    {
        rule: "object name is a DNS-1123 subdomain",
        components: "refused",
        fields: ["objectName"],
        policy: "skupper-object-name-format",
    },
    {
        rule: "routing key is a DNS-1123 subdomain",
        components: "refused",
        fields: ["routingKey"],
        policy: "skupper-routing-key-format",
    },
    {
        rule: "namespace is a DNS-1123 label",
        components: "refused",
        fields: ["connectorNamespace", "siteNamespace", "namespace"],
    },
    {
        rule: "the two namespaces differ",
        components: "refused",
        fields: ["siteNamespace"],
        policy: "skupper-no-self-attachment",
    },
    {
        rule: "port is an integer from 1 to 65535",
        components: "refused",
        fields: ["port"],
        policy: "skupper-port-range",
    },
    {
        rule: "selector is a valid, non-empty label selector",
        components: "refused",
        fields: ["selector"],
        policy: "skupper-selector",
    },
    { rule: "type is empty or tcp", components: "refused", fields: ["type"], policy: "skupper-connector-type" },
    { rule: "timeoutSeconds is an integer from 1 to 86400", components: "refused", fields: ["timeoutSeconds"] },
    {
        rule: "labels and annotations are valid; the await annotations are the component's",
        components: "refused",
        fields: ["labels", "annotations"],
    },
    {
        rule: "useClientCert needs tlsCredentials",
        components: "refused",
        fields: ["useClientCert"],
        policy: "skupper-use-client-cert-ignored",
    },
    {
        rule: "a listener's host can name its Service (an RFC 1035 label), and its name the Service's port (a DNS-1123 label)",
        components: "refused",
        fields: ["host", "objectName"],
        policy: "skupper-listener-service",
    },
    {
        rule: "both halves share a name and point at each other",
        components: "by construction",
        policy: "skupper-pairing",
    },
    {
        rule: "no wait holds a step for a partner that has not started",
        components: "by construction",
        policy: "skupper-await-order",
    },
    { rule: "the binding waits for Skupper", components: "by construction", policy: "skupper-await-readiness" },
    {
        rule: "no half in or aimed at a system namespace, no listener, grant, token or link in one",
        policy: "skupper-no-system-namespaces",
    },
    { rule: "the site namespace grants the connector namespace", policy: "skupper-namespace-grants" },
    { rule: "a routing key belongs to its namespace's prefixes", policy: "skupper-routing-key-ownership" },
    { rule: "one connector name per site namespace", policy: "skupper-name-collision" },
    { rule: "routing keys are unique in a stack", policy: "skupper-routing-key-unique" },
    { rule: "a listener's key is served, a binding's key consumed", policy: "skupper-listener-served" },
    { rule: "connectors name tlsCredentials", policy: "skupper-require-tls" },
    { rule: "exposePodsByName is flagged", policy: "skupper-expose-pods-by-name" },
    { rule: "settings are flagged (Skupper ignores them)", policy: "skupper-settings-ignored" },
    { rule: "a grant allows few redemptions, for a short time", policy: "skupper-bounded-grants" },
    { rule: "a token is redeemed over https://", policy: "skupper-token-https" },
    { rule: "a link's cost is in the network's range", policy: "skupper-link-cost" },
    { rule: "an access code is a Pulumi secret", policy: "skupper-access-code-secret" },
];
