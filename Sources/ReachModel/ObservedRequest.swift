/// One Kubernetes audit event (`audit.k8s.io/v1` `Event`), reduced to what least-privilege
/// narrowing needs: who asked, what was asked (as the authorizer saw it), at which stage, and
/// whether RBAC allowed it.
///
/// Audit events record the request's `RequestInfo` (`k8s.io/apiserver/pkg/endpoints/request`):
/// `verb` is already the RBAC verb (get/list/watch/create/update/patch/delete/deletecollection,
/// or the lower-cased HTTP method for non-resource requests) and `objectRef` carries the
/// resource, subresource, namespace, name and apiGroup the authorizer checked.
public struct ObservedRequest: Hashable, Sendable {
    /// The audit stage of the event (`staging/src/k8s.io/apiserver/pkg/apis/audit/types.go`).
    public enum Stage: String, Hashable, Sendable, CaseIterable {
        /// Emitted before authorization: carries no decision; a duplicate of a later stage.
        case requestReceived = "RequestReceived"
        /// Long-running requests (watch, exec, attach, port-forward, proxy) once headers are sent.
        case responseStarted = "ResponseStarted"
        case responseComplete = "ResponseComplete"
        case panic = "Panic"
    }

    /// Whether RBAC allowed the request.
    public enum Outcome: String, Hashable, Sendable {
        case allowed, denied
    }

    /// `auditID` (one per request, shared by its stages); empty when absent.
    public var auditID: String
    /// The identity the request was authorized as: `impersonatedUser` when present, else `user`.
    public var username: String
    public var groups: [String]
    /// The authenticated user who impersonated ``username`` (`user` of an event that has
    /// `impersonatedUser`); `nil` without impersonation.
    public var impersonator: String?
    public var impersonatorGroups: [String]
    public var verb: String
    public var apiGroup: String
    public var resource: String
    public var subresource: String
    public var namespace: String
    public var name: String
    /// The request path without query for non-resource requests (no `objectRef`); else empty.
    public var nonResourceURL: String
    public var stage: Stage
    /// `responseStatus.code`; `nil` when absent.
    public var code: Int?
    /// `annotations["authorization.k8s.io/decision"]` (`allow` / `forbid`); `nil` when absent.
    public var decision: String?
    /// `stageTimestamp` (else `requestReceivedTimestamp`, else the export record's time), as written.
    public var timestamp: String
    public var location: SourceLocation

    public init(auditID: String = "", username: String, groups: [String] = [], impersonator: String? = nil,
                impersonatorGroups: [String] = [], verb: String, apiGroup: String = "", resource: String = "",
                subresource: String = "", namespace: String = "", name: String = "", nonResourceURL: String = "",
                stage: Stage = .responseComplete, code: Int? = 200, decision: String? = nil, timestamp: String = "",
                location: SourceLocation) {
        self.auditID = auditID
        self.username = username
        self.groups = groups
        self.impersonator = impersonator
        self.impersonatorGroups = impersonatorGroups
        self.verb = verb
        self.apiGroup = apiGroup
        self.resource = resource
        self.subresource = subresource
        self.namespace = namespace
        self.name = name
        self.nonResourceURL = nonResourceURL
        self.stage = stage
        self.code = code
        self.decision = decision
        self.timestamp = timestamp
        self.location = location
    }

    public var isResourceRequest: Bool { nonResourceURL.isEmpty }

    /// RBAC's decision: the `authorization.k8s.io/decision` annotation when present (`forbid` =
    /// denied; `allow` = allowed even when admission or the handler later failed, e.g. a 403 from
    /// Pod Security admission or a 404); without it, HTTP 401/403 count as denied.
    public var outcome: Outcome {
        switch decision {
        case "allow": return .allowed
        case "forbid": return .denied
        default: return code == 403 || code == 401 ? .denied : .allowed
        }
    }

    /// A sortable form of ``timestamp``: RFC 3339 UTC times with the fraction padded to nine
    /// digits, so `…:05Z` sorts before `…:05.5Z`; other text is returned unchanged.
    public var timestampKey: String { Self.timestampKey(timestamp) }

    public static func timestampKey(_ text: String) -> String {
        guard text.hasSuffix("Z"), text.count >= 20 else { return text }
        let body = text.dropLast()
        let seconds = body.prefix(19)
        var fraction = body.dropFirst(19)
        if fraction.hasPrefix(".") { fraction = fraction.dropFirst() }
        guard fraction.allSatisfy(\.isNumber), fraction.count <= 9 else { return text }
        return seconds + "." + fraction + String(repeating: "0", count: 9 - fraction.count)
    }
}

/// Stable diagnostic IDs of the audit-log reader.
public enum AuditLogDiagnosticID {
    /// A line or document that is not valid JSON (skipped).
    public static let syntax = "KR-AUDITLOG-001"
    /// A JSON value that is neither an audit Event, an EventList, nor an Azure export record (skipped).
    public static let notAnEvent = "KR-AUDITLOG-002"
    /// An event without a field narrowing needs (`verb`, `user.username`) or with a wrongly typed one (skipped).
    public static let missingField = "KR-AUDITLOG-003"
    /// An event whose request cannot be classified (a resource path without `objectRef`, an unknown stage) (skipped).
    public static let unclassified = "KR-AUDITLOG-004"
}
