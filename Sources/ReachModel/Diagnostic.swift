/// How bad a diagnostic is.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A recoverable problem found while loading or analysing: collected, never thrown.
///
/// `id` is stable (it doubles as a SARIF ruleId); see ``DiagnosticID``.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var id: String
    public var severity: Severity
    public var location: SourceLocation?
    /// Field path inside the object, e.g. `spec.ingress[0].ports[1].port`.
    public var path: String?
    public var message: String

    public init(id: String, severity: Severity, location: SourceLocation?, path: String? = nil, message: String) {
        self.id = id
        self.severity = severity
        self.location = location
        self.path = path
        self.message = message
    }

    /// `file#doc:line:col: path: message` (location and path omitted when unknown).
    public var description: String {
        var parts: [String] = []
        if let location { parts.append(location.description) }
        if let path, !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return true
        case (_?, nil): return false
        default: return (a.id, a.path ?? "", a.message) < (b.id, b.path ?? "", b.message)
        }
    }
}

/// Stable diagnostic identifiers.
public enum DiagnosticID {
    /// The file could not be read (missing, unreadable, not UTF-8).
    public static let unreadable = "KR-LOAD-001"
    /// YAML or JSON syntax error.
    public static let syntax = "KR-LOAD-002"
    /// A field has the wrong type.
    public static let wrongType = "KR-LOAD-003"
    /// A required field is missing or empty.
    public static let missingField = "KR-LOAD-004"
    /// A field value is invalid (bad CIDR, port out of range, unknown enum value…).
    public static let invalidValue = "KR-LOAD-005"
    /// Two objects with the same kind, namespace and name; the last one wins.
    public static let duplicate = "KR-LOAD-006"
    /// A document is not an object (a bare scalar or list) or has no kind/apiVersion.
    public static let notAnObject = "KR-LOAD-007"
    /// An object was skipped because its document had errors.
    public static let objectSkipped = "KR-LOAD-008"
    /// A namespaced object had no namespace and got the default one.
    public static let defaultedNamespace = "KR-LOAD-009"
    /// An input file exceeds the size limit.
    public static let tooLarge = "KR-LOAD-010"
    /// A path given with `-f` yields no manifest files (an empty directory, no `.yaml/.yml/.json`).
    public static let noInput = "KR-LOAD-011"
    /// The input exceeds a safety limit kube-reach shares with Kubernetes' decoder: nesting deeper
    /// than 10,000, excessive alias expansion, an alias inside its own anchor; or a role whose
    /// rules expand beyond the RBAC engine's budget.
    public static let limit = "KR-LOAD-012"
    /// A name or label the API server would reject (DNS-1123 names, label syntax, lengths): a
    /// warning, the object is still loaded.
    public static let invalidName = "KR-LOAD-013"
}
