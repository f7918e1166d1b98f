import ReachKit

extension DiffTextFormatter {
    /// The external-range part: rows grouped by (gained/lost, connection set), gains first, each
    /// row `peer => range[External]` (egress) or `range[External] => peer` (ingress), the labels
    /// `reach` prints, with the range's CIDR blocks when there are at most 4. At most `limit` rows (all with `nil`).
    /// - Complexity: O(changes log changes) for the grouping plus O(shown rows).
    static func external(_ r: ExternalReachDiff, limit: Int?, _ w: inout DiffWriter) {
        guard !r.isEmpty else { return }
        w.heading(2, "External address ranges (\(r.level.rawValue) level)")
        w.line("\(r.addedRows) row(s) gained, \(r.removedRows) lost: egress to and ingress from addresses outside the cluster "
               + "(ipBlock and CIDR peers); adjacent ranges with the same change are merged.")
        var budget = limit ?? Int.max, hidden = 0
        for group in externalGroups(r) {
            let sign = group.added ? "+" : "-"
            w.heading(3, "\(group.added ? "Gained" : "Lost") \(r.connections[group.set].description) (\(group.rows.count) row(s))")
            for c in group.rows {
                guard budget > 0 else { hidden += 1; continue }
                budget -= 1
                let cidrs = c.range.cidrs
                let peer = w.code(externalPeer(r, c.peer))
                let range = w.code(c.range.label) + (cidrs.count <= 4 ? " (" + cidrs.joined(separator: ", ") + ")" : "")
                w.item(sign, c.direction == .egress ? [peer, "=>", range] : [range, "=>", peer])
            }
            w.endList()
        }
        if hidden > 0 { w.line("… \(hidden) more external row(s) not shown (--all lists every row; -o json has the full list).") }
    }

    /// A peer name, marked when it exists on one side only.
    static func externalPeer(_ r: ExternalReachDiff, _ i: Int32) -> String {
        marked(r.peers[Int(i)], new: r.onlyAfter.contains(Int(i)), deleted: r.onlyBefore.contains(Int(i)))
    }

    /// Changes grouped by (gained/lost, connection set): gains first, then by connection text;
    /// rows keep their order (egress first, then peer, then address).
    static func externalGroups(_ r: ExternalReachDiff) -> [(added: Bool, set: Int, rows: [ExternalReachDiff.Change])] {
        grouped(r.changes, connectionText: r.connections.map(\.description), added: { Int($0.added) }, removed: { Int($0.removed) })
    }
}
