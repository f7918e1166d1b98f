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
        if !report.firstTimestamp.isEmpty { out += ", \(t(report.firstTimestamp)) to \(t(report.lastTimestamp))" }
        out += "; \(report.subjects.count) subject\(report.subjects.count == 1 ? "" : "s").\n"
        for s in report.subjects {
            out += "\n\(t(s.principal))  →  \(NarrowedRolesYAML.namePrefix)\(slugs[s.principal] ?? "")"
            if let file = files[s.principal] { out += "  (\(t(file)))" }
            out += "\n  events used: \(s.eventsUsed)"
            if !s.firstTimestamp.isEmpty { out += " (\(t(s.firstTimestamp)) to \(t(s.lastTimestamp)))" }
            out += "\n  rules generated: \(s.ruleCount)"
            let scopes = s.scopes.filter { !$0.rules.isEmpty }.map { "\($0.namespace.map { "Role -n \(t($0))" } ?? "ClusterRole"): \($0.rules.count)" }
            if !scopes.isEmpty { out += " (" + scopes.joined(separator: ", ") + ")" }
            out += "\n"
            if !s.denied.isEmpty {
                out += "  denied requests (not granted): \(s.denied.reduce(0) { $0 + $1.count })\n"
                for d in s.denied { out += "    \(t(d.request))  ×\(d.count)\n" }
            }
            out += "  unused permissions to remove: \(s.unused.count)\n"
            for line in unusedLines(s.unused) { out += "    \(t(line))\n" }
        }
        let problems = diagnostics.filter { $0.severity != .info }
        if !problems.isEmpty { out += "\n" + DiagnosticsFormatter.text(problems) }
        return SafeText.terminalText(out)
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
        let subjects: [JSONValue] = report.subjects.map { s in
            let slug = slugs[s.principal] ?? ""
            var o: JSONValue = [
                "subject": .string(s.principal.description), "name": .string(NarrowedRolesYAML.namePrefix + slug),
                "groups": .strings(s.identity.groups), "eventsUsed": .int(s.eventsUsed),
                "firstTimestamp": .string(s.firstTimestamp), "lastTimestamp": .string(s.lastTimestamp),
                "roles": .array(s.scopes.filter { !$0.rules.isEmpty }.map { scope -> JSONValue in
                    var r: JSONValue = ["kind": scope.namespace == nil ? "ClusterRole" : "Role", "rules": .array(scope.rules.map(rule))]
                    if let ns = scope.namespace { r["namespace"] = .string(ns) }
                    return r
                }),
                "observed": .array(s.observed.map(request)),
                "denied": .array(s.denied.map { ["request": request($0.request), "count": .int($0.count)] }),
                "unused": .array(s.unused.map(unused)),
                "yaml": .string(NarrowedRolesYAML.yaml(s, slug: slug, report: report)),
            ]
            if let file = files[s.principal] { o["file"] = .string(file) }
            return o
        }
        return JSONText.encode([
            "events": .int(report.events), "requests": .int(report.requests), "requestReceivedOnly": .int(report.requestReceivedOnly),
            "firstTimestamp": .string(report.firstTimestamp), "lastTimestamp": .string(report.lastTimestamp), "subjects": .array(subjects),
            "diagnostics": .array(diagnostics.map(DiagnosticsFormatter.jsonObject)),
        ])
    }

    static func rule(_ r: PolicyRule) -> JSONValue {
        if !r.nonResourceURLs.isEmpty { return ["nonResourceURLs": .strings(r.nonResourceURLs), "verbs": .strings(r.verbs)] }
        var o: JSONValue = ["apiGroups": .strings(r.apiGroups), "resources": .strings(r.resources), "verbs": .strings(r.verbs)]
        if !r.resourceNames.isEmpty { o["resourceNames"] = .strings(r.resourceNames) }
        return o
    }

    static func request(_ r: AccessRequest) -> JSONValue { RBACJSONFormatter.request(r) }

    static func unused(_ u: UnusedPermission) -> JSONValue {
        var o: JSONValue = ["verb": .string(u.verb), "grants": .strings(u.grants), "scope": .string(u.namespace ?? "cluster")]
        if u.nonResourceURL.isEmpty {
            o["apiGroup"] = .string(u.apiGroup)
            o["resource"] = .string(u.resource)
            o["resourceNames"] = .strings(u.resourceNames)
        } else {
            o["nonResourceURL"] = .string(u.nonResourceURL)
        }
        return o
    }
}

/// An input-derived value for a text line, escaped (``SafeText/terminal(_:)``).
private func t(_ value: some CustomStringConvertible) -> String { SafeText.terminal(value.description) }
