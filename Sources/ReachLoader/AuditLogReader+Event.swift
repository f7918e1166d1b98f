import ReachModel

extension AuditEventDecoder {
    /// Decodes one `audit.k8s.io/v1` Event mapping (fields read: `auditID`, `stage`, `verb`,
    /// `user`, `impersonatedUser`, `objectRef`, `requestURI`, `responseStatus.code`,
    /// `annotations["authorization.k8s.io/decision"]`, `stageTimestamp`, `requestReceivedTimestamp`).
    /// - Complexity: O(event size).
    mutating func decodeEvent(_ node: YNode, location: SourceLocation, time: String) {
        guard let verb = node.field("verb")?.scalarText, !verb.isEmpty else {
            return warn(AuditLogDiagnosticID.missingField, location, "audit event without a verb")
        }
        let stageText = node.field("stage")?.scalarText ?? ObservedRequest.Stage.responseComplete.rawValue
        guard let stage = ObservedRequest.Stage(rawValue: stageText) else {
            return warn(AuditLogDiagnosticID.unclassified, location, "unknown audit stage '\(stageText)'")
        }
        guard let user = node.field("user"), let username = user.field("username")?.scalarText, !username.isEmpty else {
            return warn(AuditLogDiagnosticID.missingField, location, "audit event without user.username")
        }
        var groups = strings(user.field("groups"))
        var name = username, impersonator: String?, impersonatorGroups: [String] = []
        if let imp = node.field("impersonatedUser"), let impName = imp.field("username")?.scalarText, !impName.isEmpty {
            impersonator = username
            impersonatorGroups = groups
            name = impName
            groups = strings(imp.field("groups"))
        }
        var event = ObservedRequest(
            auditID: node.field("auditID")?.scalarText ?? "", username: name, groups: groups,
            impersonator: impersonator, impersonatorGroups: impersonatorGroups, verb: verb, stage: stage,
            code: node.field("responseStatus")?.field("code")?.scalarText.flatMap { Int($0) },
            decision: node.field("annotations")?.field("authorization.k8s.io/decision")?.scalarText,
            timestamp: node.field("stageTimestamp")?.scalarText ?? node.field("requestReceivedTimestamp")?.scalarText
                ?? node.field("RequestReceivedTime")?.scalarText ?? time,
            location: location)
        if let ref = node.field("objectRef"), ref.kind == .mapping {
            event.apiGroup = ref.field("apiGroup")?.scalarText ?? ""
            event.resource = ref.field("resource")?.scalarText ?? ""
            event.subresource = ref.field("subresource")?.scalarText ?? ""
            event.namespace = ref.field("namespace")?.scalarText ?? ""
            event.name = ref.field("name")?.scalarText ?? ""
            guard !event.resource.isEmpty else {
                return warn(AuditLogDiagnosticID.missingField, location, "objectRef without a resource")
            }
        } else {
            let uri = node.field("requestURI")?.scalarText ?? ""
            let path = String(uri.prefix { $0 != "?" })
            guard path.hasPrefix("/") else {
                return warn(AuditLogDiagnosticID.missingField, location, "non-resource event without a requestURI path")
            }
            guard !Self.isResourcePath(path) else {
                return warn(AuditLogDiagnosticID.unclassified, location,
                            "request to the resource path \(path) without objectRef (cannot tell the resource)")
            }
            event.nonResourceURL = path
        }
        events.append(event)
    }

    /// Whether `path` is an API resource path (`/api/v1/<resource>…`, `/apis/<group>/<version>/<resource>…`)
    /// rather than discovery (`/api`, `/api/v1`, `/apis/<group>/<version>`) or another
    /// non-resource URL, following the API prefixes of `endpoints/request/requestinfo.go`.
    static func isResourcePath(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard let first = parts.first else { return false }
        switch first {
        case "api": return parts.count >= 3
        case "apis": return parts.count >= 4
        default: return false
        }
    }

    /// A JSON array of strings (other elements ignored); empty when absent.
    func strings(_ node: YNode?) -> [String] {
        guard let node, node.kind == .sequence else { return [] }
        return node.elements.compactMap(\.scalarText)
    }
}
