import AttackGraph
import Audit
import Foundation
import NetworkEngine
import RBACEngine
import ReachLoader
import ReachModel

/// One analysis of one snapshot. Owns the snapshot and builds each engine result — the RBAC index,
/// the attack graph, the NetworkPolicy reach, the audit — lazily and exactly once, so a command or
/// a report that needs several answers never builds an engine twice. Commands, ``ClusterReport``
/// and the HTML report take a session.
///
/// Thread-safe: results are built under a lock (a second caller waits for the first build).
public final class AnalysisSession: @unchecked Sendable {
    public let analyzer: Analyzer
    public var snapshot: ClusterSnapshot { analyzer.snapshot }

    /// How many times each engine result was built (a test checks each is at most 1).
    public struct BuildCounts: Equatable, Sendable {
        public var rbacIndex = 0
        public var attackGraph = 0
        public var networkReach = 0
        public var audit = 0

        public init(rbacIndex: Int = 0, attackGraph: Int = 0, networkReach: Int = 0, audit: Int = 0) {
            self.rbacIndex = rbacIndex
            self.attackGraph = attackGraph
            self.networkReach = networkReach
            self.audit = audit
        }
    }

    private let lock = NSRecursiveLock()
    private var counts = BuildCounts()
    private var indexes: [Bool: RBACIndex] = [:]
    private var graphs: [Bool: AttackGraph] = [:]
    private var reach: NetworkReach?
    private var engine = PolicyEngineChoice.implicitDefault
    private var findings: [Diagnostic]?
    private var risky: [RiskyBinding]?
    private var audits: [AuditKey: AuditReport] = [:]

    private struct AuditKey: Hashable {
        var cluster: Bool
        var manifests: Bool
        var options: AuditOptions
        var suppressions: Suppressions
    }

    public init(_ analyzer: Analyzer) { self.analyzer = analyzer }

    /// Loads `paths` into a new session (see ``Analyzer/load(paths:options:stdin:)``).
    public static func load(paths: [String], options: LoadOptions = LoadOptions()) -> AnalysisSession {
        AnalysisSession(Analyzer.load(paths: paths, options: options))
    }

    /// Builds so far.
    public var builds: BuildCounts { lock.withLock { counts } }

    private func cached<K: Hashable, V>(_ table: ReferenceWritableKeyPath<AnalysisSession, [K: V]>, _ key: K,
                                       count: WritableKeyPath<BuildCounts, Int>, _ build: () -> V) -> V {
        lock.withLock {
            if let hit = self[keyPath: table][key] { return hit }
            let value = build()
            self[keyPath: table][key] = value
            counts[keyPath: count] += 1
            return value
        }
    }

    /// The compiled RBAC index (rbac.md); `mastersBypass` is the system:masters convention.
    /// - Complexity: once per `mastersBypass`: see ``RBACEngine/RBACIndex/init(snapshot:options:)``.
    public func rbac(mastersBypass: Bool = true) -> RBACIndex {
        cached(\.indexes, mastersBypass, count: \.rbacIndex) { analyzer.rbac(mastersBypass: mastersBypass) }
    }

    /// The attack graph over ``rbac(mastersBypass:)`` with the candidate identities as starts.
    /// (A graph with extra start identities is a different graph: ``Analyzer/attackGraph(index:starts:)``.)
    /// - Complexity: once per `mastersBypass`: see ``AttackGraph/AttackGraph/init(snapshot:index:starts:)``.
    public func attackGraph(mastersBypass: Bool = true) -> AttackGraph {
        cached(\.graphs, mastersBypass, count: \.attackGraph) {
            analyzer.attackGraph(index: rbac(mastersBypass: mastersBypass))
        }
    }

    /// The policy engine ``networkReach()`` assumes (default: Kubernetes NetworkPolicy, implicit).
    /// Setting a different one drops the reach and findings built so far.
    public var policyEngine: PolicyEngineChoice {
        get { lock.withLock { engine } }
        set {
            lock.withLock {
                guard newValue != engine else { return }
                engine = newValue
                reach = nil
                findings = nil
            }
        }
    }

    /// The NetworkPolicy engine's result under ``policyEngine``.
    /// - Complexity: once: see ``NetworkEngine/NetworkEngine/analyze(_:engine:eager:)``.
    public func networkReach() -> NetworkReach {
        lock.withLock {
            if let reach { return reach }
            let r = analyzer.networkReach(engine: engine)
            reach = r
            counts.networkReach += 1
            return r
        }
    }

    /// NetworkPolicy lint findings plus the engine's diagnostics, sorted (computed once).
    public func networkFindings() -> [Diagnostic] {
        lock.withLock {
            if let findings { return findings }
            let f = analyzer.networkFindings(networkReach())
            findings = f
            return f
        }
    }

    /// Bindings of roles with risky rules (the audit's catalog), computed once.
    /// - Complexity: once: see ``Analyzer/riskyBindings()``.
    public func riskyBindings() -> [RiskyBinding] {
        lock.withLock {
            if let risky { return risky }
            let r = analyzer.riskyBindings()
            risky = r
            return r
        }
    }

    /// The audit of the manifests and, when given, the AKS cluster document; least-privilege
    /// checks use the session's RBAC index and attack graph (built once for everything).
    /// - Complexity: once per (inputs, options): see ``Audit/AuditEngine/run(_:checks:suppressions:)``.
    public func audit(cluster: AKSCluster?, manifests: Bool = true, options: AuditOptions = AuditOptions(),
                      suppressions: Suppressions = Suppressions()) -> AuditReport {
        // One cluster document per session: its presence is the key.
        let key = AuditKey(cluster: cluster != nil, manifests: manifests, options: options, suppressions: suppressions)
        return cached(\.audits, key, count: \.audit) { runAudit(cluster, manifests, options, suppressions) }
    }

    private func runAudit(_ cluster: AKSCluster?, _ manifests: Bool, _ options: AuditOptions,
                          _ suppressions: Suppressions) -> AuditReport {
        let context = AuditContext(snapshot: manifests ? snapshot : nil, cluster: cluster, options: options) {
            (self.rbac(), self.attackGraph())
        }
        return AuditEngine.run(context, suppressions: suppressions)
    }

    /// Escalation paths (length ≥ 1: direct holders are answered by who-can) to
    /// cluster-admin-equivalence and to reading kube-system's secrets, shortest first; goals
    /// without such paths are left out.
    /// - Complexity: two all-sources goal searches on ``attackGraph(mastersBypass:)``.
    public func escalationPaths() -> [(goal: AccessRequest, title: String, paths: [AttackPath])] {
        let graph = attackGraph()
        let goals: [(AccessRequest, String)] = [
            (AttackGraph.adminGoal, "Escalation paths to cluster-admin-equivalent (* on * cluster-wide)"),
            (AccessRequest(verb: "get", resource: "secrets", namespace: "kube-system"), "Escalation paths to reading secrets in kube-system"),
        ]
        return goals.compactMap { goal, title in
            let paths = graph.transitiveHolders(of: goal).filter { $0.length > 0 }
            return paths.isEmpty ? nil : (goal, title, paths)
        }
    }
}
