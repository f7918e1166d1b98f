import Audit
import RBACEngine
import ReachKit
import ReachModel

/// Text and JSON forms of a ``Audit/NarrowingReport`` (the YAML is ``NarrowedRolesYAML``).
public enum NarrowedRolesFormatter {
    /// Per subject: events used, rules generated per scope, denied requests, and the unused
    /// permissions to remove (one line per scope × grant × resource, verbs joined). `files` names
    /// the YAML file written per subject, when written.
    /// - Complexity: O(output size + U log U).
    public static func text(_ report: NarrowingReport, diagnostics: [Diagnostic] = [], files: [Principal: String] = [:]) -> String {
        let slugs = NarrowedRolesYAML.slugs(report)
        var out = "Narrowed roles from \(report.events) audit event\(report.events == 1 ? "" : "s") "
        out += "(\(report.requests) request\(report.requests == 1 ? "" : "s")"
        if report.requestReceivedOnly > 0 { out += ", \(report.requestReceivedOnly) seen only at RequestReceived and not counted" }
        out += ")"
        if !report.firstTimestamp.isEmpty { out += ", \(report.firstTimestamp) to \(report.lastTimestamp)" }
        out += "; \(report.subjects.count) subject\(report.subjects.count == 1 ? "" : "s").\n"
        for s in report.subjects {
            out += "\n\(s.principal)  →  \(NarrowedRolesYAML.namePrefix)\(slugs[s.principal] ?? "")"
            if let file = files[s.principal] { out += "  (\(file))" }
            out += "\n  events used: \(s.eventsUsed)"
            if !s.firstTimestamp.isEmpty { out += " (\(s.firstTimestamp) to \(s.lastTimestamp))" }
            out += "\n  rules generated: \(s.ruleCount)"
            let scopes = s.scopes.filter { !$0.rules.isEmpty }.map { "\($0.namespace.map { "Role -n \($0)" } ?? "ClusterRole"): \($0.rules.count)" }
            if !scopes.isEmpty { out += " (" + scopes.joined(separator: ", ") + ")" }
            out += "\n"
            if !s.denied.isEmpty {
                out += "  denied requests (not granted): \(s.denied.reduce(0) { $0 + $1.count })\n"
                for d in s.denied { out += "    \(d.request)  ×\(d.count)\n" }
            }
            out += "  unused permissions to remove: \(s.unused.count)\n"
            for line in unusedLines(s.unused) { out += "    \(line)\n" }
        }
        let problems = diagnostics.filter { $0.severity != .info }
        if !problems.isEmpty { out += "\n" + DiagnosticsFormatter.text(problems) }
        return out
    }

    /// Unused cells grouped by scope, grants and resource, verbs joined.
    static func unusedLines(_ unused: [UnusedPermission]) -> [String] {
        struct Key: Hashable { var scope, target, grants: String }
        var verbs: [Key: [String]] = [:]
        var order: [Key] = []
        for u in unused {
            let scope = u.namespace.map { "-n \($0)" } ?? "cluster-wide"
            var target: String
            if u.nonResourceURL.isEmpty {
                target = u.apiGroup.isEmpty ? u.resource : "\(u.resource).\(u.apiGroup)"
                if !u.resourceNames.isEmpty { target += " [\(u.resourceNames.joined(separator: ","))]" }
            } else {
                target = u.nonResourceURL
            }
            let key = Key(scope: scope, target: target, grants: u.grants.joined(separator: "; "))
            if verbs[key] == nil { order.append(key) }
            verbs[key, default: []].append(u.verb)
        }
        return order.map { k in "\(k.scope)  \(k.target): \((verbs[k] ?? []).joined(separator: ","))  ← \(k.grants)" }
    }

    /// `{"events", "requests", "requestReceivedOnly", "firstTimestamp", "lastTimestamp", "subjects", "diagnostics"}`;
    /// each subject has its generated objects (structured rules and the YAML text), observed,
    /// denied and unused permissions.
    /// - Complexity: O(output size).
    public static func json(_ report: NarrowingReport, diagnostics: [Diagnostic] = [], files: [Principal: String] = [:]) -> String {
        let slugs = NarrowedRolesYAML.slugs(report)
        let subjects: [[String: Any]] = report.subjects.map { s in
            let slug = slugs[s.principal] ?? ""
            var o: [String: Any] = [
                "subject": s.principal.description, "name": NarrowedRolesYAML.namePrefix + slug,
                "groups": s.identity.groups, "eventsUsed": s.eventsUsed,
                "firstTimestamp": s.firstTimestamp, "lastTimestamp": s.lastTimestamp,
                "roles": s.scopes.filter { !$0.rules.isEmpty }.map { scope -> [String: Any] in
                    var r: [String: Any] = ["kind": scope.namespace == nil ? "ClusterRole" : "Role", "rules": scope.rules.map(rule)]
                    if let ns = scope.namespace { r["namespace"] = ns }
                    return r
                },
                "observed": s.observed.map(request),
                "denied": s.denied.map { ["request": request($0.request), "count": $0.count] as [String: Any] },
                "unused": s.unused.map(unused),
                "yaml": NarrowedRolesYAML.yaml(s, slug: slug, report: report),
            ]
            if let file = files[s.principal] { o["file"] = file }
            return o
        }
        return JSONText.encode([
            "events": report.events, "requests": report.requests, "requestReceivedOnly": report.requestReceivedOnly,
            "firstTimestamp": report.firstTimestamp, "lastTimestamp": report.lastTimestamp, "subjects": subjects,
            "diagnostics": diagnostics.map(DiagnosticsFormatter.jsonObject),
        ] as [String: Any])
    }

    static func rule(_ r: PolicyRule) -> [String: Any] {
        if !r.nonResourceURLs.isEmpty { return ["nonResourceURLs": r.nonResourceURLs, "verbs": r.verbs] }
        var o: [String: Any] = ["apiGroups": r.apiGroups, "resources": r.resources, "verbs": r.verbs]
        if !r.resourceNames.isEmpty { o["resourceNames"] = r.resourceNames }
        return o
    }

    static func request(_ r: AccessRequest) -> [String: Any] {
        if !r.isResourceRequest { return ["verb": r.verb, "nonResourceURL": r.nonResourceURL] }
        return ["verb": r.verb, "apiGroup": r.apiGroup, "resource": r.resource, "subresource": r.subresource,
                "name": r.name, "namespace": r.namespace]
    }

    static func unused(_ u: UnusedPermission) -> [String: Any] {
        var o: [String: Any] = ["verb": u.verb, "grants": u.grants, "scope": u.namespace ?? "cluster"]
        if u.nonResourceURL.isEmpty {
            o["apiGroup"] = u.apiGroup
            o["resource"] = u.resource
            o["resourceNames"] = u.resourceNames
        } else {
            o["nonResourceURL"] = u.nonResourceURL
        }
        return o
    }
}
