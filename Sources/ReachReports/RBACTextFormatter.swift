import RBACEngine
import ReachKit
import ReachModel

/// Human-readable RBAC answers: can-i (yes/no and why), who-can (sorted subjects and the
/// binding/role granting each), access (resources × verbs per scope). Formatting only.
public enum RBACTextFormatter {
    /// `yes`/`no`, then each binding → role → rule chain with locations.
    public static func decision(_ d: Decision, diagnostics: [Diagnostic] = []) -> String {
        var out = (d.allowed ? "yes" : "no") + "  \(t(d.identity)) → \(t(d.request))\n"
        if d.bySystemMasters {
            out += "  group system:masters bypasses RBAC (privileged-group authorizer; --no-masters turns this off)\n"
        }
        for g in d.grants { out += grantLines(g) }
        if !d.allowed { out += "  no binding in scope grants this (only ClusterRoleBindings\(d.request.bindingNamespace.map { " and RoleBindings in \(t($0))" } ?? ""))\n" }
        return SafeText.terminalText(out + "\nNote: \(RBACCaveat.text)\n" + warnings(diagnostics))
    }

    /// RBAC engine warnings (dangling references, odd subjects, cycles), if any.
    static func warnings(_ diagnostics: [Diagnostic]) -> String {
        let shown = diagnostics.filter { $0.severity >= .warning }
        if shown.isEmpty { return "" }
        var out = "\nRBAC warnings (\(shown.count)):\n"
        for d in shown { out += "  \(d.id)  \(t(d))\n" }
        return out
    }

    static func grantLines(_ g: Grant) -> String {
        var s = "  via \(t(g.via)): \(t(g.binding)) (\(t(g.bindingLocation)))\n"
        s += "    → \(t(g.role)) (\(t(g.roleLocation)))\n"
        s += "    → rule \(SafeText.terminal(ruleText(g.rule)))"
        if let l = g.rule.location { s += " (\(t(l)))" }
        if let from = g.aggregatedFrom { s += " aggregated from ClusterRole/\(t(from))" }
        return s + "\n"
    }

    /// `{verbs: [get], apiGroups: [""], resources: [pods], resourceNames: [x]}`.
    public static func ruleText(_ r: PolicyRule) -> String {
        func list(_ xs: [String]) -> String { "[" + xs.map { $0.isEmpty ? "\"\"" : $0 }.joined(separator: ", ") + "]" }
        var parts = ["verbs: \(list(r.verbs))"]
        if !r.apiGroups.isEmpty || !r.resources.isEmpty {
            parts.append("apiGroups: \(list(r.apiGroups))")
            parts.append("resources: \(list(r.resources))")
        }
        if !r.resourceNames.isEmpty { parts.append("resourceNames: \(list(r.resourceNames))") }
        if !r.nonResourceURLs.isEmpty { parts.append("nonResourceURLs: \(list(r.nonResourceURLs))") }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    /// One row per subject and granting binding.
    public static func whoCan(_ answer: WhoCanAnswer, index: RBACIndex, diagnostics: [Diagnostic] = []) -> String {
        let subjects = index.subjects(of: answer)
        var out = "\(subjects.count) subject\(subjects.count == 1 ? "" : "s") can \(t(answer.request))\n\n"
        var table = TextTable(header: ["SUBJECT", "BINDING", "ROLE", "VIA"])
        for s in subjects {
            let grants = index.grants(in: answer, for: s)
            if grants.isEmpty {
                table.add([s.description, "(system:masters convention)", "-", "-"])
                continue
            }
            var seen = Set<String>()
            for g in grants where seen.insert("\(g.binding)|\(g.via)").inserted {
                table.add([s.description, g.binding.description, g.role.description, g.via == s ? "-" : g.via.description])
            }
        }
        if !subjects.isEmpty { out += table.render() + "\n" }
        return SafeText.terminalText(out + "Note: \(RBACCaveat.text)\n" + warnings(diagnostics))
    }

    static let standardVerbs = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"]

    /// Resources × verbs per scope, like rakkess.
    public static func access(_ summary: AccessSummary, diagnostics: [Diagnostic] = []) -> String {
        var out = "Access of \(t(summary.identity))\n"
        if summary.bySystemMasters { out += "  member of system:masters: everything is allowed (RBAC bypassed)\n" }
        if summary.scopes.isEmpty { out += "\nNo binding grants anything.\n" }
        for scope in summary.scopes {
            out += "\n" + (scope.namespace.map { "Namespace \(t($0)) (RoleBindings):" } ?? "Cluster-wide (ClusterRoleBindings, every namespace):") + "\n"
            var table = TextTable(header: ["RESOURCE", "NAMES"] + standardVerbs.map { $0.uppercased() } + ["OTHER"])
            for row in scope.rows {
                let name = row.nonResourceURL.isEmpty
                    ? (row.apiGroup.isEmpty ? row.resource : "\(row.resource).\(row.apiGroup)") : row.nonResourceURL
                let names = row.resourceNames.isEmpty ? "*" : row.resourceNames.joined(separator: ",")
                let cells = row.nonResourceURL.isEmpty ? standardVerbs.map { row.grants($0) ? "yes" : "-" }
                    : standardVerbs.map { v in v == "get" && row.grants("get") ? "yes" : "-" }
                let other = row.verbs.filter { !standardVerbs.contains($0) }
                table.add([name, row.nonResourceURL.isEmpty ? names : "", ] + cells + [other.isEmpty ? "-" : other.joined(separator: ",")])
            }
            out += table.render(indent: "  ")
        }
        return SafeText.terminalText(out + "\nNote: \(RBACCaveat.text)\n" + warnings(diagnostics))
    }
}

extension RBACTextFormatter {
    /// A readable summary of an answered `query` document (the JSON form is the contract).
    public static func query(_ document: JSONValue) -> String {
        func s(_ o: JSONValue, _ k: String) -> String { SafeText.terminal(o[k]?.stringValue ?? "") }
        func req(_ o: JSONValue) -> String {
            let url = s(o, "nonResourceURL")
            if !url.isEmpty { return "\(s(o, "verb")) \(url)" }
            let res = s(o, "subresource").isEmpty ? s(o, "resource") : "\(s(o, "resource"))/\(s(o, "subresource"))"
            let group = s(o, "apiGroup").isEmpty ? "" : ".\(s(o, "apiGroup"))"
            let name = s(o, "name").isEmpty ? "" : " \(s(o, "name"))"
            let ns = s(o, "namespace").isEmpty ? " (cluster scope)" : " -n \(s(o, "namespace"))"
            return "\(s(o, "verb")) \(res)\(group)\(name)\(ns)"
        }
        var out = ""
        let checks = document["checks"]?.arrayValue ?? []
        if !checks.isEmpty { out += "Checks:\n" }
        for c in checks {
            let groups = (c["groups"]?.arrayValue ?? []).compactMap(\.stringValue).map(SafeText.terminal).joined(separator: ",")
            out += "  \((c["allowed"]?.boolValue ?? false) ? "yes" : "no ")  \(s(c, "user")) [\(groups)] \(req(c))\n"
        }
        let who = document["whoCan"]?.arrayValue ?? []
        if !who.isEmpty { out += "Who can:\n" }
        for w in who {
            out += "  \(req(w)):\n"
            for subject in (w["subjects"]?.arrayValue ?? []).compactMap(\.stringValue) { out += "    \(SafeText.terminal(subject))\n" }
        }
        let paths = document["paths"]?.arrayValue ?? []
        if !paths.isEmpty { out += "Paths: \(paths.count) not answered yet (attack paths are not implemented)\n" }
        return SafeText.terminalText(out)
    }
}

/// An input-derived value for a text line, escaped (``SafeText/terminal(_:)``).
private func t(_ value: some CustomStringConvertible) -> String { SafeText.terminal(value.description) }
