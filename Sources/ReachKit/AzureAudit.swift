import Audit
import ReachModel

/// `audit --azure DIR`: every check plus the Azure identity checks (CheckRegistry.azure), with the
/// Azure folder's `aks.json` as the cluster document when `--aks` is not given.
public enum AzureAudit {
    /// - Complexity: see ``Audit/AuditEngine/run(_:checks:suppressions:)``.
    public static func run(_ analysis: AzureAnalysis, session: AnalysisSession, cluster: AKSCluster?, manifests: Bool,
                           options: AuditOptions, suppressions: Suppressions) -> AuditReport {
        var context = AuditContext(snapshot: manifests ? session.snapshot : nil, cluster: cluster ?? analysis.authorizer.environment.cluster,
                                   options: options) { (session.rbac(), session.attackGraph()) }
        context.azure = analysis.authorizer
        var report = AuditEngine.run(context, checks: CheckRegistry.all + CheckRegistry.azure, suppressions: suppressions)
        report.diagnostics = (report.diagnostics + analysis.diagnostics.filter { $0.severity >= .warning }).sorted()
        return report
    }
}
