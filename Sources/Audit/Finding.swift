import Foundation
import ReachModel

/// Severity of an audit finding (`--fail-on high|medium|low`).
public enum AuditSeverity: String, Sendable, Codable, Comparable, CaseIterable {
    case low, medium, high

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        }
    }

    public static func < (a: AuditSeverity, b: AuditSeverity) -> Bool { a.rank < b.rank }
}

/// One audit finding: a check ID, its severity, the object it is about, what is wrong, and where.
/// Title, rationale and remediation come from the check's ``CheckInfo``.
public struct Finding: Hashable, Sendable, Comparable {
    public var checkID: String
    public var severity: AuditSeverity
    /// The object: `Deployment/ns/name`, `Namespace/ns`, `ManagedCluster/name`.
    public var subject: String
    /// What is wrong with this object, one line.
    public var message: String
    /// Where: the object in its manifest, or the setting in the cluster JSON.
    public var locations: [SourceLocation]
    /// Check IDs the object's `kube-reach.io/ignore` annotation suppresses.
    public var ignoredByAnnotation: Set<String>
    /// The concrete fix for this finding (least-privilege checks), when more specific than the
    /// check's remediation.
    public var fix: String?
    /// The finding is about Kubernetes bootstrap or AKS-managed RBAC (see docs/audit.md): reported
    /// apart from the others and only with `--include-system`.
    public var system: Bool

    public init(checkID: String, severity: AuditSeverity, subject: String, message: String,
                locations: [SourceLocation] = [], ignoredByAnnotation: Set<String> = [], fix: String? = nil,
                system: Bool = false) {
        self.checkID = checkID
        self.severity = severity
        self.subject = subject
        self.message = message
        self.locations = Array(Set(locations)).sorted()
        self.ignoredByAnnotation = ignoredByAnnotation
        self.fix = fix
        self.system = system
    }

    /// Stable identity for baselines: check ID and subject (no line numbers, so edits elsewhere in
    /// a file keep the baseline valid).
    public var fingerprint: String { "\(checkID)|\(subject)" }

    /// Severity (high first), then check ID, subject, message.
    public static func < (a: Finding, b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        return (a.checkID, a.subject, a.message) < (b.checkID, b.subject, b.message)
    }
}

/// The annotation that suppresses findings on one object: `kube-reach.io/ignore: ID[,ID]` (`*` = all).
public enum IgnoreAnnotation {
    public static let key = "kube-reach.io/ignore"

    /// The IDs listed in `annotations` (empty when the annotation is absent).
    public static func ids(_ annotations: [String: String]) -> Set<String> {
        guard let value = annotations[key] else { return [] }
        return Set(value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}
