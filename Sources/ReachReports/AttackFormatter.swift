import AttackGraph
import Foundation
import RBACEngine
import ReachKit

/// Attack-path answers as text and JSON (`paths`, `paths --to-admin`, `who-can --transitive`).
/// Formatting only: the paths come from ``ReachKit/AttackGraph``.
public enum AttackFormatter {
    /// One path, step by step: technique, object, permission used and the binding granting it.
    public static func pathText(_ r: AttackPathReport) -> String {
        var out = "from \(r.from)\(r.from.groups.map { " groups=[\($0.joined(separator: ","))]" } ?? "") to \(r.goal)\n"
        guard let steps = r.steps else {
            return out + "unreachable: no path in the model (escalation.md edges E1–E13)\n\nNote: \(RBACCaveat.text)\n"
        }
        out += steps.isEmpty ? "length 0: already allowed\n" : "length \(steps.count)\n"
        for (i, s) in steps.enumerated() {
            out += "\(i + 1). \(s.technique) \(s.title): \(s.from) → \(s.to)\n"
            if !s.object.isEmpty { out += "   object: \(s.object)\n" }
            for p in s.permissions {
                out += "   uses \(p.request) granted by \(p.grantedBy.joined(separator: "; "))\n"
            }
        }
        out += "goal \(r.goal) granted by \(r.goalGrantedBy.joined(separator: "; "))\n"
        return out + "\nNote: \(RBACCaveat.text)\n"
    }

    public static func pathJSON(_ r: AttackPathReport) -> String {
        JSONText.encode(pathObject(r))
    }

    static func pathObject(_ r: AttackPathReport) -> [String: Any] {
        let steps: [[String: Any]] = (r.steps ?? []).map { s in
            ["technique": s.technique.raw, "title": s.title, "from": s.from, "state": s.to, "object": s.object,
             "permissions": s.permissions.map { p -> [String: Any] in
                 ["request": RBACJSONFormatter.request(p.request), "grantedBy": p.grantedBy]
             }]
        }
        return ["from": r.from.principal.description, "fromGroups": r.from.identity.groups,
                "goal": RBACJSONFormatter.request(r.goal), "reachable": r.reachable,
                "length": r.length.map { $0 as Any } ?? NSNull(), "hops": steps.map { $0["state"] ?? "" },
                "via": steps, "goalGrantedBy": r.goalGrantedBy]
    }

    /// Transitive holders (who-can --transitive, paths --to-admin): subject, length, first hop.
    public static func holdersText(_ paths: [AttackPath], goal: AccessRequest, graph: AttackGraph, title: String) -> String {
        var table = TextTable(header: ["SUBJECT", "LENGTH", "FIRST HOP"], rightAligned: [1])
        for p in paths {
            let first = p.steps.first.map { e in
                "\(e.technique) → \(graph.table[e.to])" + (e.object.isEmpty ? "" : " (\(e.object))")
            }
            table.add([p.start.description, "\(p.length)", first ?? "(direct)"])
        }
        return "\(title): \(goal)\n" + table.render() + "\(paths.count) subject(s)\n\nNote: \(RBACCaveat.text)\n"
    }

    public static func holdersJSON(_ paths: [AttackPath], goal: AccessRequest, graph: AttackGraph) -> String {
        let list: [[String: Any]] = paths.map { p in
            ["subject": p.start.description, "length": p.length,
             "hops": p.steps.map { graph.table[$0.to].description },
             "via": p.steps.map { ["technique": $0.technique.raw, "state": graph.table[$0.to].description, "object": $0.object] }]
        }
        return JSONText.encode(["goal": RBACJSONFormatter.request(goal), "subjects": list] as [String: Any])
    }
}
