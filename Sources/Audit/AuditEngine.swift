import ReachModel

/// Findings hidden from the report, and why.
public struct SuppressedFinding: Hashable, Sendable {
    public enum Reason: String, Hashable, Sendable {
        /// The object's `kube-reach.io/ignore` annotation.
        case annotation
        /// `--ignore ID` or `--ignore ID@subject`.
        case ignoreOption = "ignore-option"
        /// Listed in the `--baseline` file.
        case baseline
    }
    public var finding: Finding
    public var reason: Reason
}

/// A check that did not run, and what it would need.
public struct NotEvaluated: Hashable, Sendable {
    public var checkID: String
    public var reason: String
}

/// What suppresses findings: `--ignore` entries (`ID` everywhere, `ID@subject` for one object) and
/// baseline fingerprints (``Finding/fingerprint``).
public struct Suppressions: Hashable, Sendable {
    public var ignore: [String]
    public var baseline: Set<String>
    public init(ignore: [String] = [], baseline: Set<String> = []) {
        self.ignore = ignore
        self.baseline = baseline
    }

    /// Why `finding` is suppressed, or `nil`.
    func reason(for finding: Finding) -> SuppressedFinding.Reason? {
        let a = finding.ignoredByAnnotation
        if a.contains(finding.checkID) || a.contains("*") { return .annotation }
        if ignore.contains(finding.checkID) || ignore.contains("\(finding.checkID)@\(finding.subject)") { return .ignoreOption }
        if baseline.contains(finding.fingerprint) { return .baseline }
        return nil
    }
}

/// The result of an audit run.
public struct AuditReport: Sendable {
    /// Every check considered, sorted by ID.
    public var checks: [CheckInfo]
    /// Findings left after suppression, sorted (high severity first), without system ones.
    public var findings: [Finding]
    /// Findings on Kubernetes bootstrap and AKS-managed RBAC (``Finding/system``), sorted; the
    /// formatters print them only when ``systemShown``, else just their number.
    public var systemFindings: [Finding] = []
    /// `--include-system` was given.
    public var systemShown = false
    public var suppressed: [SuppressedFinding]
    public var notEvaluated: [NotEvaluated]
    /// IDs of checks that ran and found nothing.
    public var passed: [String]
    /// Load diagnostics of the inputs.
    public var diagnostics: [Diagnostic]

    /// The check with `id`.
    public func info(_ id: String) -> CheckInfo? { checks.first { $0.id == id } }

    /// Whether any finding is at or above `severity` (exit code 1 under `--fail-on`).
    public func hasFindings(atOrAbove severity: AuditSeverity) -> Bool { findings.contains { $0.severity >= severity } }

    /// Every finding before suppression (for `--write-baseline`), sorted.
    public var allFindings: [Finding] { (findings + suppressed.map(\.finding)).sorted() }
}

/// Runs checks and applies suppressions.
public enum AuditEngine {
    /// Runs `checks` on `context`. A check whose input is missing, or that needs data no input
    /// has, is reported as not evaluated. Least-privilege checks are left out (not listed at all)
    /// unless `context.options.leastPrivilege`, foothold checks unless `context.options.footholds`; RBAC system findings go to ``AuditReport/systemFindings``.
    /// - Complexity: O(Σ check costs + F log F) for F findings; each check is linear in the objects it reads.
    public static func run(_ context: AuditContext, checks: [any AuditCheck] = CheckRegistry.all,
                           suppressions: Suppressions = Suppressions()) -> AuditReport {
        let checks = checks.filter {
            ($0.info.input != .rbac || context.options.leastPrivilege) && ($0.info.input != .footholds || context.options.footholds)
        }
        var report = AuditReport(checks: checks.map(\.info).sorted { $0.id < $1.id }, findings: [], suppressed: [],
                                 notEvaluated: [], passed: [], diagnostics: context.snapshot?.diagnostics ?? [])
        report.systemShown = context.options.includeSystem
        for check in checks.sorted(by: { $0.info.id < $1.info.id }) {
            switch outcome(of: check, context) {
            case .passed:
                report.passed.append(check.info.id)
            case .notEvaluated(let reason):
                report.notEvaluated.append(NotEvaluated(checkID: check.info.id, reason: reason))
            case .failed(let findings):
                for f in findings {
                    if let reason = suppressions.reason(for: f) {
                        report.suppressed.append(SuppressedFinding(finding: f, reason: reason))
                    } else if f.system {
                        report.systemFindings.append(f)
                    } else {
                        report.findings.append(f)
                    }
                }
            }
        }
        report.findings.sort()
        report.systemFindings.sort()
        report.suppressed.sort { $0.finding < $1.finding }
        return report
    }

    /// The outcome of one check (before suppression).
    public static func outcome(of check: any AuditCheck, _ context: AuditContext) -> CheckOutcome {
        switch check.info.input {
        case .aksCluster where context.cluster == nil:
            return .notEvaluated("needs the AKS cluster JSON (--aks cluster.json)")
        case .manifests where context.snapshot == nil, .rbac where context.snapshot == nil, .footholds where context.snapshot == nil:
            return .notEvaluated("needs manifests (-f PATH)")
        case .rbac where context.rbac == nil:
            return .notEvaluated("needs --least-privilege")
        case .azure where context.azure == nil:
            return .notEvaluated("needs the Azure folder (--azure DIR)")
        default:
            break
        }
        if let needs = check.info.needs { return .notEvaluated("needs \(needs)") }
        if check.info.input == .aksCluster, let cluster = context.cluster, !cluster.invalidSettings.isEmpty {
            // A check that read an invalid setting cannot pass (issue 16): it is not evaluated.
            let log = AKSReadLog()
            let findings = AKSCluster.$readLog.withValue(log) { check.evaluate(context) }
            if !findings.isEmpty { return .failed(findings.sorted()) }
            if let bad = cluster.invalidSetting(among: log.paths) {
                return .notEvaluated("reads invalid setting \(bad.path) (\(bad.reason))")
            }
            return .passed
        }
        let findings = check.evaluate(context)
        return findings.isEmpty ? .passed : .failed(findings.sorted())
    }
}
