// AccessTokens, as Skupper 2.2.1's controller handles them: a token not redeemed yet
// (Redeemed not True) is redeemed when it is handled in a namespace whose Site the
// controller has handled; in a namespace without one it is ignored until its next event.
// The redemption (an HTTPS request to the grant's server, then the Secret and the Link of
// the answer) is made after the poll (redeemer.ts), and its result is written on the
// token: Redeemed True and `redeemed: true`, or Redeemed False with the error as the
// token's message. That write's echo makes a failed token be tried once more, as the
// controller's own echo does; after that, each resync (30 s) tries again.
import { conditionOf, errorOrReady, setCondition } from "./conditions";
import { Requests } from "./controller";
import { KubeObject } from "./objects";

export function isRedeemed(token: KubeObject): boolean {
    return conditionOf(token, "Redeemed")?.status === "True";
}

/** An AccessToken was added or changed (or deleted: no token); site: the namespace's Site, if handled. */
export function tokenEvent(token: KubeObject | undefined, site: KubeObject | undefined, requests: Requests): boolean {
    if (!token || isRedeemed(token) || !site) return true;
    requests.redemptions.push({ token, site });
    return true;
}

/** Sets a redemption's result on the token; true when its status changed (and is to be written). */
export function setRedeemed(token: KubeObject, error: string | undefined, now: string): boolean {
    const state = errorOrReady(error);
    if (!setCondition(token, "Redeemed", state, now)) return false;
    if (isRedeemed(token)) token.status.redeemed = true;
    else delete token.status.redeemed; // false is omitted
    token.status.status = state.reason;
    token.status.message = state.message;
    return true;
}
