// Suggests what a misspelt name was meant to be: the known name at the smallest edit
// distance, when it is close enough to be a likely typo. Depends on nothing.

/**
 * The fewest single-character insertions, deletions, substitutions and swaps of two
 * neighbours that turn `a` into `b` (the optimal-string-alignment distance).
 */
export function editDistance(a: string, b: string): number {
    // rows[i][j]: the distance between the first i characters of a and the first j of b.
    const rows: number[][] = [];
    for (let i = 0; i <= a.length; i++) {
        rows.push([i]);
        for (let j = 1; j <= b.length; j++) {
            if (i === 0) {
                rows[0].push(j);
                continue;
            }
            const same = a[i - 1] === b[j - 1];
            let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (same ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, rows[i - 2][j - 2] + 1);
            rows[i].push(best);
        }
    }
    return rows[a.length][b.length];
}

/**
 * The name of `known` closest to `name`, ignoring case, if at most a third of its
 * characters (at least one) need to change; the first such name on a tie.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
    const limit = Math.max(1, Math.floor(name.length / 3));
    let best: { name: string; distance: number } | undefined;
    for (const candidate of known) {
        const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
        if (distance <= limit && (best === undefined || distance < best.distance)) best = { name: candidate, distance };
    }
    return best?.name;
}
