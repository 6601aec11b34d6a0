// A team's own credentials, as the two-sided consent model has them: a ServiceAccount
// in one namespace with a Role over just that namespace, and a kubeconfig holding a
// token for it (from the TokenRequest API), for a Pulumi provider of its own.
import { KubeAccess, KubeClient, paths } from "./kubeClient";

export interface RoleRule {
    apiGroups: string[];
    resources: string[];
    verbs: string[];
}

/** Creates the ServiceAccount, Role and RoleBinding; returns a kubeconfig (JSON text) with the account's token. */
export async function teamKubeconfig(
    kube: KubeClient,
    access: KubeAccess,
    namespace: string,
    account: string,
    rules: RoleRule[],
): Promise<string> {
    await kube.ensure(`/api/v1/namespaces/${namespace}/serviceaccounts`, { metadata: { name: account } });
    await kube.ensure(`/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/roles`, {
        metadata: { name: account },
        rules,
    });
    await kube.ensure(`/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings`, {
        metadata: { name: account },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: account },
        subjects: [{ kind: "ServiceAccount", name: account, namespace }],
    });
    const request = await kube.create<{ status: { token: string } }>(
        `${paths.serviceAccount(namespace, account)}/token`,
        {
            apiVersion: "authentication.k8s.io/v1",
            kind: "TokenRequest",
            spec: { expirationSeconds: 3600 },
        },
    );
    return JSON.stringify({
        apiVersion: "v1",
        kind: "Config",
        clusters: [
            {
                name: "cluster",
                cluster: {
                    server: access.server,
                    "certificate-authority-data": Buffer.from(access.ca ?? "").toString("base64"),
                },
            },
        ],
        users: [{ name: account, user: { token: request.status.token } }],
        contexts: [{ name: account, context: { cluster: "cluster", user: account, namespace } }],
        "current-context": account,
    });
}
