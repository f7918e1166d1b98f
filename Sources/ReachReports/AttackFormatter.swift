import AttackGraph
import ReachModel
import Foundation
import RBACEngine
import ReachKit

/// Attack-path answers as text and JSON (`paths`, `paths --to-admin`, `who-can --transitive`).
/// Formatting only: the paths come from ``ReachKit/AttackGraph``.
public enum AttackFormatter {
    /// One path, step by step: technique, object, permission used and the binding granting it.
    public static func pathText(_ r: AttackPathReport) -> String {
        var out = "from \(t(r.from))\(r.from.groups.map { " groups=[\($0.map(t).joined(separator: ","))]" } ?? "") to \(t(r.goal))\n"
        guard let steps = r.steps else {
            return SafeText.terminalText(out + "unreachable: no path in the model (escalation.md edges E1–E13)\n\nNote: \(RBACCaveat.text)\n")
        }
        out += steps.isEmpty ? "length 0: already allowed\n" : "length \(steps.count)\n"
        for (i, s) in steps.enumerated() {
            out += "\(i + 1). \(s.technique) \(t(s.title)): \(t(s.from)) → \(t(s.to))\n"
            if !s.object.isEmpty { out += "   object: \(t(s.object))\n" }
            for p in s.permissions {
                out += "   uses \(t(p.request)) granted by \(p.grantedBy.map(t).joined(separator: "; "))\n"
            }
        }
        out += "goal \(t(r.goal)) granted by \(r.goalGrantedBy.map(t).joined(separator: "; "))\n"
        return SafeText.terminalText(out + "\nNote: \(RBACCaveat.text)\n")
    }

    public static func pathJSON(_ r: AttackPathReport) -> String {
        JSONText.encode(pathObject(r))
    }

    static func pathObject(_ r: AttackPathReport) -> JSONValue {
        let steps: [(state: String, json: JSONValue)] = (r.steps ?? []).map { s in
            (s.to, ["technique": .string(s.technique.raw), "title": .string(s.title), "from": .string(s.from), "state": .string(s.to),
                    "object": .string(s.object),
                    "permissions": .array(s.permissions.map { p -> JSONValue in
                        ["request": RBACJSONFormatter.request(p.request), "grantedBy": .strings(p.grantedBy)]
                    })])
        }
        return ["from": .string(r.from.principal.description), "fromGroups": .strings(r.from.identity.groups),
                "goal": RBACJSONFormatter.request(r.goal), "reachable": .bool(r.reachable),
                "length": .int(r.length), "hops": .strings(steps.map(\.state)),
                "via": .array(steps.map(\.json)), "goalGrantedBy": .strings(r.goalGrantedBy)]
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
        return SafeText.terminalText("\(title): \(t(goal))\n" + table.render() + "\(paths.count) subject(s)\n\nNote: \(RBACCaveat.text)\n")
    }

    public static func holdersJSON(_ paths: [AttackPath], goal: AccessRequest, graph: AttackGraph) -> String {
        let list: [JSONValue] = paths.map { p in
            ["subject": .string(p.start.description), "length": .int(p.length),
             "hops": .strings(p.steps.map { graph.table[$0.to].description }),
             "via": .array(p.steps.map { ["technique": .string($0.technique.raw), "state": .string(graph.table[$0.to].description),
                                         "object": .string($0.object)] })]
        }
        return JSONText.encode(["goal": RBACJSONFormatter.request(goal), "subjects": .array(list)])
    }
}

/// An input-derived value for a text line, escaped (``SafeText/terminal(_:)``).
private func t(_ value: some CustomStringConvertible) -> String { SafeText.terminal(value.description) }
