// The selector rule against Kubernetes' own verdicts: each case is a selector string and
// whether the API server's parser (apimachinery labels.Parse, v0.34) accepts it. Most are
// the inputs of that parser's tests (pkg/labels/selector_test.go); the rest were checked
// against labels.Parse itself. We must agree on every one, except where a rule of our
// own refuses more, and each of those is named.
import * as assert from "node:assert/strict";
import { checkSelector } from "../../provider/validation/rules";

type Ours = "empty selector" | "empty set";

/** [selector, accepted by Kubernetes, the rule of ours that refuses it anyway] */
const cases: [string, boolean, Ours?][] = [
    // Plain requirements, and lists of them.
    ["x=a,y=b,z=c", true],
    ["x!=a,y=b", true],
    ["x=a", true],
    ["x==a", true],
    ["x=a,y!=b", true],
    ["x=a,y!=b,z in (h,i,j)", true],
    ["x", true],
    ["!x", true],
    ["! x", true],
    ["!x,y", true],
    ["x=a,!y", true],
    ["this-is-a-dns.domain.com/key-with-dash", true],
    ["app.kubernetes.io/name=orders", true],
    ["a.b/C_d=e", true],
    // An empty value after =, == or != is a value.
    ["x=", true],
    ["x= ", true],
    ["x=,z= ", true],
    ["x= ,z= ", true],
    ["x==", true],
    ["x!=", true],
    ["x==,y", true],
    // > and < compare with an integer (64-bit, no sign, leading zeros allowed).
    ["x>1", true],
    ["x<7", true],
    ["x>1,z<5", true],
    ["tier>01", true],
    ["tier> 5", true],
    ["tier>9223372036854775807", true],
    ["tier in (1),tier>1", true],
    ["x<a", false],
    ["tier>x", false],
    ["tier>", false],
    ["tier<", false],
    ["tier>-1", false],
    ["tier>+1", false],
    ["tier>1.5", false],
    ["tier>1e3", false],
    ["tier>0x10", false],
    ["tier>9223372036854775808", false],
    ["x<=5", false],
    ["x>=5", false],
    ["x=<5", false],
    // Sets: in and notin, with whitespace anywhere between tokens (space, tab, CR, LF).
    ["this-is-another-dns.domain.com/key-with-dash in (so,what)", true],
    ["0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)", true],
    ["foo  in\t (abc)", true],
    ["x notin\n (abc)", true],
    ["x  notin\t\t\t(abc,def)", true],
    ["x in (abc,def)", true],
    ["x in(a)", true],
    ["x,y in (a)", true],
    ["x notin (a),y notin (b)", true],
    ["\rx", true],
    ["a ", true],
    ["x\t=\ta", true],
    ["x\n,\ny", true],
    // Commas in a set stand for empty values: leading, trailing, doubled.
    ["x in (abc,)", true],
    ["x notin (, a)", true],
    ["x in (,)", true],
    ["x in (a,,b)", true],
    ["x in (,,a)", true],
    ["x in (,,,)", true],
    ["x in (a,,,)", true],
    ["x notin (abc,,def),bar,w", true],
    ["x in (,,)", false],
    ["x in (a,,)", false],
    ["x in (,,,,)", false],
    // An empty set: Kubernetes reads () as the one empty value; we refuse it.
    ["x in ()", true, "empty set"],
    ["tier in ()", true, "empty set"],
    ["x notin ( )", true, "empty set"],
    ["x notin (abc,,def),bar,z in (),w", true, "empty set"],
    // in and notin are keywords only where an operator stands; elsewhere they are words.
    ["notin=in", true],
    ["in=x", true],
    ["in", true],
    ["x=in", true],
    ["in in (a)", true],
    ["x in (in)", true],
    ["a in (x,y,notin, z,in)", true],
    ["x in in", false],
    ["in (a)", false],
    // Broken syntax.
    ["x=a||y=b", false],
    ["x==a==b", false],
    ["x=a=b", false],
    ["x===a", false],
    ["!x=a", false],
    ["!x in (a)", false],
    ["!", false],
    ["!!x", false],
    ["x=!a", false],
    ["x=(a)", false],
    ["x=a b", false],
    ["a b", false],
    ["x y in (a)", false],
    ["x nott in (y)", false],
    ["xin(a)", false],
    ["x)", false],
    ["x,,y", false],
    [",x,y", false],
    ["x,", false],
    ["x=a,", false],
    ["x=a,,", false],
    ["a in (xyz),", false],
    ["a in (xyz)b notin ()", false],
    ["x in (a)) ", false],
    ["x in (xyz abc)", false],
    ["x in (a,b", false],
    ["x in a", false],
    ["a notin(", false],
    ["a (", false],
    ["(", false],
    [")", false],
    ["x in ((a))", false],
    ["x in (a,(b))", false],
    ["== != (), = notin", false],
    // Keys: an optional DNS-1123 subdomain prefix and '/', then a name of at most 63.
    ["a/b=c", true],
    ["a/b/c=d", false],
    ["/a=b", false],
    ["A.B/c=d", false],
    ["-app=backend", false],
    [`${"k".repeat(63)}=v`, true],
    [`${"k".repeat(64)}=v`, false],
    ["a".repeat(254), false],
    ["café=x", false],
    ["\u000bx", false],
    ["\fx", false],
    // Values: at most 63 letters, digits, '-', '_' and '.', starting and ending alphanumeric.
    ["x=a_b.c-d", true],
    [`x=${"v".repeat(63)}`, true],
    [`x16=${"a".repeat(254)}`, false],
    ["x17=a b", false],
    ["x=-a", false],
    ["x=a-", false],
    ["x in (-a)", false],
    ["x=café", false],
    // Nothing at all selects every pod in Kubernetes; we refuse it.
    ["", true, "empty selector"],
    [" ", true, "empty selector"],
    ["\t", true, "empty selector"],
];

describe("the selector rule", () => {
    it(`has ${cases.length} cases, none twice`, () => {
        assert.equal(new Set(cases.map(([s]) => s)).size, cases.length);
    });

    for (const [selector, kubernetes, ours] of cases) {
        const expected = kubernetes && !ours;
        it(`${expected ? "accepts" : "refuses"} ${JSON.stringify(selector)}${ours ? ` (Kubernetes accepts it; refused as an ${ours})` : ""}`, () => {
            const problem = checkSelector(selector);
            assert.equal(problem === undefined, expected, problem ?? "accepted");
            if (ours === "empty selector")
                assert.match(problem!, /^must not be empty \(an empty selector would select every pod\)/);
            if (ours === "empty set") assert.match(problem!, /lists no values; expected at least one value/);
        });
    }

    it("refuses a NUL character, where Kubernetes would silently stop reading", () => {
        assert.match(checkSelector("app=backend\0,tier=db") ?? "", /is not valid: it contains a NUL character/);
    });

    it("says where the syntax breaks", () => {
        assert.equal(
            checkSelector("a b"),
            "'a b' is not valid: found 'b' after the key 'a' where an operator (=, ==, !=, in, notin, > or <) was expected",
        );
        assert.equal(
            checkSelector("app=backend,"),
            "'app=backend,' is not valid: it has an empty requirement (check for a stray comma)",
        );
        assert.equal(
            checkSelector("tier in (a b)"),
            "'tier in (a b)' is not valid: found 'b' after the value 'a' of 'tier in' where ',' or ')' was expected",
        );
    });

    it("says what is wrong with a key, a value or a comparison", () => {
        assert.match(checkSelector("-app=x")!, /^'-app=x' is not valid: label key '-app' is not valid/);
        assert.match(checkSelector("app=a-")!, /^'app=a-' is not valid: label value 'a-' is not valid/);
        assert.equal(
            checkSelector("tier>x"),
            "'tier>x' is not valid: 'tier>x' compares with 'x'; expected a 64-bit integer after '>'",
        );
        assert.equal(
            checkSelector("tier in ()"),
            "'tier in ()' is not valid: 'tier in ()' lists no values; expected at least one value (Kubernetes reads () as the empty value; write tier= for that)",
        );
    });
});
