import Audit
import ReachKit
import ReachModel

/// `kube-reach diff` as text (a terminal) or GitHub-flavoured Markdown (a pull-request comment).
/// Formatting only: the changes come from ``ReachKit/ClusterDiff``. Every input-derived value goes
/// through ``SafeText`` (terminal or Markdown). Reachability lists are bounded: at most `limit`
/// pairs (all with `nil`), with the per-group counts always shown.
public enum DiffTextFormatter {
    /// Text or Markdown.
    public enum Style: Sendable { case text, markdown }

    /// - Complexity: O(shown rows + RBAC, path and finding changes).
    public static func render(_ diff: ClusterDiff, style: Style, limit: Int?) -> String {
        var w = DiffWriter(style: style)
        w.heading(1, "kube-reach diff")
        w.line(summaryLine(diff))
        if diff.isEmpty { return w.finish() }
        reach(diff.reach, limit: limit, &w)
        external(diff.external, limit: limit, &w)
        access(diff.access, &w)
        paths(diff.paths, &w)
        findings(diff.findings, &w)
        return w.finish()
    }

    /// `3 reachability changes, 1 subject with changed access, …` or `no changes`.
    static func summaryLine(_ d: ClusterDiff) -> String {
        if d.isEmpty { return "No changes: reachability, RBAC, attack paths and findings are the same." }
        let parts = [
            count(d.reach.addedPairs, "pair gained reachability", "pairs gained reachability"),
            count(d.reach.removedPairs, "pair lost reachability", "pairs lost reachability"),
            count(d.external.addedRows, "external range row gained", "external range rows gained"),
            count(d.external.removedRows, "external range row lost", "external range rows lost"),
            count(d.access.subjects.count, "subject with changed permissions", "subjects with changed permissions"),
            count(d.access.whoCan.count, "sensitive request with changed who-can", "sensitive requests with changed who-can"),
            count(d.paths.gained.count, "new attack path", "new attack paths"),
            count(d.paths.lost.count, "attack path gone", "attack paths gone"),
            count(d.findings.new.count, "new finding", "new findings"),
            count(d.findings.fixed.count, "fixed finding", "fixed findings"),
        ]
        return parts.joined(separator: ", ") + "."
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    static func reach(_ r: ReachDiff, limit: Int?, _ w: inout DiffWriter) {
        guard !r.isEmpty else { return }
        w.heading(2, "Reachability (\(r.level.rawValue) level)")
        w.line("\(r.addedPairs) pair(s) gained, \(r.removedPairs) lost; self pairs are not compared.")
        var budget = limit ?? Int.max, hidden = 0
        for group in groups(r) {
            let sign = group.added ? "+" : "-"
            w.heading(3, "\(group.added ? "Gained" : "Lost") \(r.connections[group.set].description) (\(group.rows.count) pair(s))")
            for c in group.rows {
                guard budget > 0 else { hidden += 1; continue }
                budget -= 1
                w.item(sign, [w.code(peer(r, c.source)), "=>", w.code(peer(r, c.destination))])
            }
            w.endList()
        }
        if hidden > 0 { w.line("… \(hidden) more pair(s) not shown (--all lists every pair; -o json has the full list).") }
    }

    /// A peer name, marked when it exists on one side only.
    static func peer(_ r: ReachDiff, _ i: Int32) -> String {
        marked(r.peers[Int(i)], new: r.onlyAfter.contains(Int(i)), deleted: r.onlyBefore.contains(Int(i)))
    }

    /// `name`, marked "(new)" or "(deleted)" when the peer exists on one side only (pairs and
    /// external rows alike).
    static func marked(_ name: String, new: Bool, deleted: Bool) -> String {
        new ? name + " (new)" : deleted ? name + " (deleted)" : name
    }

    /// Changes grouped by (gained/lost, connection set): gains first, then by connection text.
    static func groups(_ r: ReachDiff) -> [(added: Bool, set: Int, rows: [ReachDiff.Change])] {
        grouped(r.changes, connectionText: r.connections.map(\.description), added: { Int($0.added) }, removed: { Int($0.removed) })
    }

    /// Changes grouped by (gained/lost, connection set index; negative = none): gains first, then
    /// by connection text; rows keep their order. Shared by pair and external-range rows.
    /// - Complexity: O(n + g log g) for n changes in g groups.
    static func grouped<C>(_ changes: [C], connectionText text: [String], added: (C) -> Int, removed: (C) -> Int)
        -> [(added: Bool, set: Int, rows: [C])] {
        var byKey: [Int: [C]] = [:]
        for c in changes {
            if added(c) >= 0 { byKey[added(c) * 2, default: []].append(c) }
            if removed(c) >= 0 { byKey[removed(c) * 2 + 1, default: []].append(c) }
        }
        return byKey.keys.sorted { a, b in
            a % 2 != b % 2 ? a % 2 < b % 2 : text[a / 2].utf8.lexicographicallyPrecedes(text[b / 2].utf8)
        }.map { (added: $0 % 2 == 0, set: $0 / 2, rows: byKey[$0] ?? []) }
    }

    static func access(_ a: AccessDiff, _ w: inout DiffWriter) {
        if !a.subjects.isEmpty {
            w.heading(2, "Permissions by subject")
            for s in a.subjects {
                w.heading(3, s.subject)
                for p in s.gained { w.item("+", permission(p, &w)) }
                for p in s.lost { w.item("-", permission(p, &w)) }
                w.endList()
            }
        }
        if !a.whoCan.isEmpty {
            w.heading(2, "Who can (sensitive requests)")
            for c in a.whoCan {
                var words = [w.code(c.request.description) + ":"]
                if !c.gained.isEmpty { words.append("gained " + c.gained.map { w.code($0) }.joined(separator: ", ")) }
                if !c.lost.isEmpty { words.append((c.gained.isEmpty ? "" : "; ") + "lost " + c.lost.map { w.code($0) }.joined(separator: ", ")) }
                w.item("*", words)
            }
            w.endList()
        }
    }

    static func permission(_ p: AccessDiff.PermissionChange, _ w: inout DiffWriter) -> [String] {
        let scope = p.scope == .cluster ? "cluster-wide" : "in namespace \(w.escape(p.scope.namespace ?? ""))"
        return ["\(w.code(p.verbs.joined(separator: ","))) on \(w.code(p.target)) \(scope)",
                "via " + p.bindings.map { w.escape($0) }.joined(separator: ", ")]
    }

    static func paths(_ p: PathDiff, _ w: inout DiffWriter) {
        guard !p.isEmpty else { return }
        w.heading(2, "Attack paths")
        if p.footholds {
            w.line("Foothold graph: the internet, pods and nodes are starts besides identities; "
                   + (p.assumeExploitable ? "steps marked [assumption] assume an exposed or reachable service is exploitable (X1, X2)."
                                          : "services are not assumed exploitable (--no-assume-exploitable)."))
        }
        for c in p.gained { w.item("+", pathWords(c, reaches: "now reaches", &w)) }
        for c in p.lost { w.item("-", pathWords(c, reaches: "no longer reaches", &w)) }
        w.endList()
    }

    static func pathWords(_ c: PathDiff.Change, reaches: String, _ w: inout DiffWriter) -> [String] {
        var words = [w.code(c.path.start), reaches, w.escape(c.goal.title)]
        if c.path.steps.isEmpty {
            words.append("directly")
        } else {
            let hops = c.path.steps.map { s in
                "\(s.technique) → \(w.code(s.state))" + (s.object.isEmpty ? "" : " (\(w.escape(s.object)))") + (s.assumption ? " [assumption]" : "")
            }
            words.append("in \(c.path.length) step(s): " + hops.joined(separator: ", "))
        }
        return words
    }

    static func findings(_ f: FindingDiff, _ w: inout DiffWriter) {
        guard !f.isEmpty else { return }
        w.heading(2, "Findings")
        for x in f.new { w.item("+", finding(x, "new", &w)) }
        for x in f.fixed { w.item("-", finding(x, "fixed", &w)) }
        w.endList()
    }

    static func finding(_ f: Finding, _ status: String, _ w: inout DiffWriter) -> [String] {
        ["\(status) [\(f.severity.rawValue)] \(f.checkID)", w.code(f.subject) + ":", w.escape(f.message)]
    }
}
