// The string form of a Kubernetes label selector, read the way the API server reads it
// (apimachinery's labels.Parse): a tokenizer, then a parser that follows the same
// grammar, corners included (`in` and `notin` are keywords only where an operator may
// stand; commas inside a set stand for empty values). It checks the syntax only and
// returns the requirements; rules.ts checks their keys and values. Depends on nothing
// but quote.ts, so the policy pack can carry it.

import { quote } from "./quote";

export type Operator = "exists" | "!" | "=" | "==" | "!=" | "in" | "notin" | ">" | "<";

export interface Requirement {
    key: string;
    operator: Operator;
    /** The values as written; `()` lists none (Kubernetes reads it as the one empty value). */
    values: string[];
}

export type ParsedSelector = { requirements: Requirement[]; problem?: undefined } | { problem: string };

type TokenKind = "word" | "in" | "notin" | "!" | "=" | "==" | "!=" | ">" | "<" | "(" | ")" | "," | "end";

interface Token {
    kind: TokenKind;
    text: string;
}

/** Only these separate tokens; any other character (a tab-like \v too) belongs to a word. */
const WHITESPACE = " \t\r\n";
const SYMBOLS = "=!(),><";
const OPERATORS = "=, ==, !=, in, notin, > or <";

class SyntaxProblem extends Error {}

function tokenize(selector: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    for (;;) {
        while (i < selector.length && WHITESPACE.includes(selector[i])) i++;
        if (i >= selector.length) {
            tokens.push({ kind: "end", text: "" });
            return tokens;
        }
        const ch = selector[i];
        // Kubernetes' scanner stops at a NUL character as if the selector ended there,
        // silently dropping the rest; refuse it instead.
        if (ch === "\0") throw new SyntaxProblem("it contains a NUL character");
        if (SYMBOLS.includes(ch)) {
            const pair = selector.slice(i, i + 2);
            const text = pair === "==" || pair === "!=" ? pair : ch;
            tokens.push({ kind: text as TokenKind, text });
            i += text.length;
            continue;
        }
        let end = i;
        while (
            end < selector.length &&
            !WHITESPACE.includes(selector[end]) &&
            !SYMBOLS.includes(selector[end]) &&
            selector[end] !== "\0"
        )
            end++;
        const text = selector.slice(i, end);
        tokens.push({ kind: text === "in" || text === "notin" ? text : "word", text });
        i = end;
    }
}

function show(token: Token): string {
    return token.kind === "end" ? "the end" : quote(token.text);
}

/** Reads the tokens in order. Where a key or value may stand, `in` and `notin` are words. */
class Reader {
    private position = 0;

    constructor(private readonly tokens: Token[]) {}

    peek(asValue = true): Token {
        return this.asRead(this.tokens[this.position], asValue);
    }

    next(asValue = true): Token {
        return this.asRead(this.tokens[this.position++], asValue);
    }

    private asRead(token: Token, asValue: boolean): Token {
        return asValue && (token.kind === "in" || token.kind === "notin") ? { kind: "word", text: token.text } : token;
    }
}

const EMPTY_REQUIREMENT = "it has an empty requirement (check for a stray comma)";

/** Parses a selector into its requirements, or says where its syntax breaks. */
export function parseSelector(selector: string): ParsedSelector {
    try {
        const reader = new Reader(tokenize(selector));
        const requirements: Requirement[] = [];
        if (reader.peek().kind === "end") return { requirements };
        for (;;) {
            const start = reader.peek();
            if (start.kind === ",") throw new SyntaxProblem(EMPTY_REQUIREMENT);
            if (start.kind !== "word" && start.kind !== "!")
                throw new SyntaxProblem(
                    `found ${show(start)} where a requirement (a label key, or '!' and a key) was expected`,
                );
            const requirement = parseRequirement(reader);
            requirements.push(requirement);
            const after = reader.next();
            if (after.kind === "end") return { requirements };
            if (after.kind !== ",")
                throw new SyntaxProblem(
                    `found ${show(after)} after the requirement on ${quote(requirement.key)} where ',' or the end was expected`,
                );
            const following = reader.peek().kind;
            if (following === "," || following === "end") throw new SyntaxProblem(EMPTY_REQUIREMENT);
        }
    } catch (e) {
        if (e instanceof SyntaxProblem) return { problem: e.message };
        throw e;
    }
}

function parseRequirement(reader: Reader): Requirement {
    let token = reader.next();
    const negated = token.kind === "!";
    if (negated) token = reader.next();
    if (token.kind !== "word") {
        throw new SyntaxProblem(
            negated
                ? `'!' must be followed by a label key, found ${show(token)}`
                : `found ${show(token)} where a label key was expected`,
        );
    }
    const key = token.text;
    // `!key` stands alone; so does `key` before a comma or the end.
    if (negated) return { key, operator: "!", values: [] };
    const after = reader.peek().kind;
    if (after === "end" || after === ",") return { key, operator: "exists", values: [] };

    const operator = reader.next(false);
    switch (operator.kind) {
        case "in":
        case "notin":
            return { key, operator: operator.kind, values: parseSet(reader, `${key} ${operator.kind}`) };
        case "=":
        case "==":
        case "!=":
        case ">":
        case "<":
            return { key, operator: operator.kind, values: [parseValue(reader, operator.text)] };
        default:
            throw new SyntaxProblem(
                `found ${show(operator)} after the key ${quote(key)} where an operator (${OPERATORS}) was expected`,
            );
    }
}

/** The value after =, ==, !=, > or <; nothing before a comma or the end is the empty value. */
function parseValue(reader: Reader, operator: string): string {
    const next = reader.peek().kind;
    if (next === "end" || next === ",") return "";
    const value = reader.next();
    if (value.kind !== "word")
        throw new SyntaxProblem(`found ${show(value)} after '${operator}' where a value was expected`);
    return value.text;
}

/** `( values )` after in or notin. */
function parseSet(reader: Reader, what: string): string[] {
    const open = reader.next();
    if (open.kind !== "(") throw new SyntaxProblem(`found ${show(open)} after ${quote(what)} where '(' was expected`);
    const first = reader.peek();
    if (first.kind === ")") {
        reader.next();
        return [];
    }
    if (first.kind !== "word" && first.kind !== ",") {
        throw new SyntaxProblem(
            `found ${show(first)} in the values of ${quote(what)} where a value, ',' or ')' was expected`,
        );
    }
    const values = parseValueList(reader, what);
    reader.next(); // the ')' that ended the list
    return values;
}

/**
 * A comma-separated list of values, up to but not including its ')'. As in Kubernetes,
 * a comma at the start or the end, or two in a row, adds an empty value; after two in a
 * row another value or comma must follow.
 */
function parseValueList(reader: Reader, what: string): string[] {
    const values: string[] = [];
    for (;;) {
        const token = reader.next();
        if (token.kind === "word") {
            values.push(token.text);
            const after = reader.peek();
            if (after.kind === ")") return values;
            if (after.kind !== ",")
                throw new SyntaxProblem(
                    `found ${show(after)} after the value ${quote(token.text)} of ${quote(what)} where ',' or ')' was expected`,
                );
        } else if (token.kind === ",") {
            if (values.length === 0) values.push("");
            const after = reader.peek().kind;
            if (after === ")") {
                values.push("");
                return values;
            }
            if (after === ",") {
                reader.next();
                values.push("");
            }
        } else {
            throw new SyntaxProblem(
                `found ${show(token)} in the values of ${quote(what)} where a value or ',' was expected`,
            );
        }
    }
}
