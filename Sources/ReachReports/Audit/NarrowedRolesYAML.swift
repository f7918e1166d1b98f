import Audit
import RBACEngine
import ReachKit
import ReachModel

/// Narrowed roles as `kubectl apply`-able YAML: per subject a ClusterRole + ClusterRoleBinding
/// (cluster-scope rules) and a Role + RoleBinding per namespace, named
/// `kube-reach-narrowed-<subject slug>`, after a comment header summarising the evidence.
public enum NarrowedRolesYAML {
    /// The prefix of every generated object name.
    public static let namePrefix = "kube-reach-narrowed-"

    /// A name-safe slug per subject: `sa-<ns>-<name>` or `user-<name>`, lower-cased, runs of
    /// characters outside `[a-z0-9.-]` turned into one `-`. Subjects whose slugs collide get an
    /// FNV-1a suffix of their subject string, so names stay unique and stable.
    /// - Complexity: O(S × name length).
    public static func slugs(_ report: NarrowingReport) -> [Principal: String] {
        var raw: [Principal: String] = [:]
        for s in report.subjects { raw[s.principal] = baseSlug(s.principal) }
        var counts: [String: Int] = [:]
        for v in raw.values { counts[v, default: 0] += 1 }
        return raw.mapValues { $0 }.reduce(into: [:]) { out, pair in
            let (p, slug) = pair
            out[p] = (counts[slug] ?? 0) > 1 ? "\(slug)-\(fnv(p.description))" : slug
        }
    }

    static func baseSlug(_ p: Principal) -> String {
        let text: String
        switch p {
        case .serviceAccount(let ns, let n): text = "sa-\(ns)-\(n)"
        case .user(let n): text = "user-\(n)"
        case .group(let n): text = "group-\(n)"
        }
        var out = "", dash = false
        for ch in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) || ch == "." {
                out.unicodeScalars.append(ch)
                dash = false
            } else if !dash {
                out += "-"
                dash = true
            }
        }
        while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
        return String(out.prefix(200))
    }

    static func fnv(_ text: String) -> String {
        var h: UInt32 = 0x811C_9DC5
        for b in text.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Every subject's YAML, one after the other; reader diagnostics (warnings and errors) first,
    /// as comments, so the stream stays valid YAML.
    /// - Complexity: O(output size).
    public static func stream(_ report: NarrowingReport, diagnostics: [Diagnostic] = []) -> String {
        let slugs = slugs(report)
        var out = diagnostics.filter { $0.severity != .info }.map { "# \($0.severity.rawValue) \($0.id) \(SafeText.terminal($0.description))\n" }.joined()
        if report.subjects.isEmpty { out += "# No user or service account made a request in the audit log.\n" }
        out += report.subjects.map { yaml($0, slug: slugs[$0.principal] ?? baseSlug($0.principal), report: report) }
            .joined(separator: "\n")
        return out
    }

    /// One subject's header and objects.
    public static func yaml(_ s: SubjectNarrowing, slug: String, report: NarrowingReport) -> String {
        var out = header(s, report: report)
        let name = namePrefix + slug
        for scope in s.scopes where !scope.rules.isEmpty {
            out += "---\n" + role(name: name, namespace: scope.namespace, rules: scope.rules)
            out += "---\n" + binding(name: name, namespace: scope.namespace, subject: s.principal)
        }
        return out
    }

    static func header(_ s: SubjectNarrowing, report: NarrowingReport) -> String {
        var lines = ["kube-reach audit --least-privilege: narrowed RBAC for \(s.principal)"]
        let span = s.firstTimestamp.isEmpty ? "" : " between \(s.firstTimestamp) and \(s.lastTimestamp)"
        lines.append("Generated from \(s.eventsUsed) allowed audit event\(s.eventsUsed == 1 ? "" : "s")\(span)"
                     + " (log: \(report.events) events\(report.firstTimestamp.isEmpty ? "" : ", \(report.firstTimestamp) to \(report.lastTimestamp)")).")
        lines.append("Rules generated: \(s.ruleCount).")
        if !s.denied.isEmpty {
            lines.append("Denied requests (not granted): \(s.denied.reduce(0) { $0 + $1.count })")
            lines += s.denied.map { "  \($0.request)  ×\($0.count)" }
        }
        lines.append("Unused permissions to remove: \(s.unused.count)")
        lines += NarrowedRolesFormatter.unusedLines(s.unused).map { "  " + $0 }
        if s.scopes.allSatisfy({ $0.rules.isEmpty }) { lines.append("No allowed requests: nothing to grant.") }
        lines.append("Review before applying: a log only shows what happened in its time window.")
        // Escaped: a newline in a subject name must not end the comment and inject YAML.
        return lines.map { "# \(SafeText.terminal($0))\n" }.joined()
    }

    static func role(name: String, namespace: String?, rules: [PolicyRule]) -> String {
        var out = "apiVersion: rbac.authorization.k8s.io/v1\n"
        out += "kind: \(namespace == nil ? "ClusterRole" : "Role")\n"
        out += metadata(name: name, namespace: namespace)
        out += "rules:\n"
        for r in rules {
            if r.nonResourceURLs.isEmpty {
                out += "- apiGroups: \(list(r.apiGroups))\n"
                out += "  resources: \(list(r.resources))\n"
                if !r.resourceNames.isEmpty { out += "  resourceNames: \(list(r.resourceNames))\n" }
            } else {
                out += "- nonResourceURLs: \(list(r.nonResourceURLs))\n"
            }
            out += "  verbs: \(list(r.verbs))\n"
        }
        return out
    }

    static func binding(name: String, namespace: String?, subject: Principal) -> String {
        var out = "apiVersion: rbac.authorization.k8s.io/v1\n"
        out += "kind: \(namespace == nil ? "ClusterRoleBinding" : "RoleBinding")\n"
        out += metadata(name: name, namespace: namespace)
        out += "roleRef:\n  apiGroup: rbac.authorization.k8s.io\n"
        out += "  kind: \(namespace == nil ? "ClusterRole" : "Role")\n  name: \(quote(name))\n"
        out += "subjects:\n"
        switch subject {
        case .serviceAccount(let ns, let n):
            out += "- kind: ServiceAccount\n  name: \(quote(n))\n  namespace: \(quote(ns))\n"
        case .user(let n):
            out += "- apiGroup: rbac.authorization.k8s.io\n  kind: User\n  name: \(quote(n))\n"
        case .group(let n):
            out += "- apiGroup: rbac.authorization.k8s.io\n  kind: Group\n  name: \(quote(n))\n"
        }
        return out
    }

    static func metadata(name: String, namespace: String?) -> String {
        var out = "metadata:\n  name: \(quote(name))\n"
        if let namespace { out += "  namespace: \(quote(namespace))\n" }
        out += "  labels:\n    app.kubernetes.io/managed-by: kube-reach\n"
        return out
    }

    static func list(_ items: [String]) -> String { "[" + items.map(quote).joined(separator: ", ") + "]" }

    /// A JSON-style double-quoted scalar (valid YAML for any text); characters unsafe on a
    /// terminal (``SafeText/isTerminalUnsafe(_:)``) as `\uXXXX` / `\UXXXXXXXX` escapes.
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if SafeText.isTerminalUnsafe(u) {
                    let hex = String(u.value, radix: 16)
                    out += u.value > 0xFFFF ? "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
                        : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
