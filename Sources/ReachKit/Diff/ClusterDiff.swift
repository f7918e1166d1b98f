import Audit
import AttackGraph
import Dispatch
import NetworkEngine
import ReachModel

/// What changed between two snapshots — reachability, RBAC, attack paths, audit findings — for a
/// change review (`kube-reach diff`). Each part is computed from the two sessions' engine results
/// (each engine built once per side).
public struct ClusterDiff: Sendable {
    /// What to compare.
    public struct Options: Sendable {
        /// Pairs at pod level instead of workload level.
        public var pods: Bool
        /// The system:masters convention (rbac.md rule 3).
        public var mastersBypass: Bool
        /// Audit options of both sides (least-privilege checks on by default).
        public var audit: AuditOptions
        /// Attack paths on the foothold graph (internet, pods, nodes besides identities).
        public var footholds: Bool
        /// With `footholds`: X1/X2 (exposed or reachable services are exploitable) allowed.
        public var assumeExploitable: Bool

        public init(pods: Bool = false, mastersBypass: Bool = true, audit: AuditOptions = AuditOptions(leastPrivilege: true),
                    footholds: Bool = false, assumeExploitable: Bool = true) {
            self.pods = pods
            self.mastersBypass = mastersBypass
            self.audit = audit
            self.footholds = footholds
            self.assumeExploitable = assumeExploitable
        }
    }

    /// Pairs that gained or lost connections.
    public var reach: ReachDiff
    /// Traffic to and from external address ranges that gained or lost connections.
    public var external: ExternalReachDiff
    /// Permissions per subject, and who-can for sensitive requests.
    public var access: AccessDiff
    /// Starts that newly reach, or no longer reach, an attack-path goal.
    public var paths: PathDiff
    /// Audit findings new and fixed.
    public var findings: FindingDiff

    public var isEmpty: Bool { reach.isEmpty && external.isEmpty && access.isEmpty && paths.isEmpty && findings.isEmpty }

    /// Compares `before` with `after`; `beforeCluster`/`afterCluster` are the sides' AKS cluster
    /// documents (`--before-aks`/`--after-aks`), if any.
    /// - Complexity: the engines of both sides (built once each, see ``AnalysisSession``), plus
    ///   ``ReachDiff/init(before:after:level:)``, ``ExternalReachDiff/init(before:after:level:)``, ``AccessDiff``, ``PathDiff`` and ``FindingDiff``.
    public init(before: AnalysisSession, after: AnalysisSession, beforeCluster: AKSCluster? = nil,
                afterCluster: AKSCluster? = nil, options: Options = Options()) {
        // The two sides' engines are independent: build them on two cores (each session builds
        // each result once, under its lock, and keeps it for the comparisons below).
        let sides = [(before, beforeCluster), (after, afterCluster)]
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let (session, cluster) = sides[i]
            _ = session.networkReach()
            _ = session.audit(cluster: cluster, options: options.audit)
            _ = session.attackGraph(mastersBypass: options.mastersBypass)
        }
        (reach, external) = Self.reachability(before: before.networkReach(), after: after.networkReach(), level: options.pods ? .pod : .workload)
        access = AccessDiff(before: before.rbac(mastersBypass: options.mastersBypass), after: after.rbac(mastersBypass: options.mastersBypass),
                            beforeSnapshot: before.snapshot, afterSnapshot: after.snapshot)
        paths = Self.paths(before: before, after: after, options: options)
        findings = FindingDiff(before: before.audit(cluster: beforeCluster, options: options.audit).findings,
                               after: after.audit(cluster: afterCluster, options: options.audit).findings)
    }

    /// The reachability parts, pairs and external ranges, on one peer numbering and one set of
    /// joint (port) classes.
    /// - Complexity: ``ReachDiff/init(before:after:level:)`` plus ``ExternalReachDiff/init(before:after:level:)``
    ///   without their shared O(N log N) numbering.
    static func reachability(before: NetworkReach, after: NetworkReach, level: ReachDiff.Level) -> (ReachDiff, ExternalReachDiff) {
        let numbering = PeerNumbering(before: before.endpoints, after: after.endpoints, level: level)
        let joint = JointPortClasses(before: before, after: after)
        let classes = JointClasses(before: before, after: after, numbering: numbering)
        return (ReachDiff(before: before, after: after, level: level, numbering: numbering, joint: joint, classes: classes),
                ExternalReachDiff(before: before, after: after, level: level, numbering: numbering, joint: joint, classes: classes))
    }

    /// The attack-path part: on the RBAC attack graphs, or with `options.footholds` on the
    /// foothold graphs (footholds.md) built from each side's RBAC index and reachability.
    /// - Complexity: ``PathDiff/init(before:after:goals:)``, or two foothold graphs and
    ///   ``PathDiff/init(before:after:beforeSnapshot:afterSnapshot:assumeExploitable:goals:)``.
    static func paths(before: AnalysisSession, after: AnalysisSession, options: Options) -> PathDiff {
        let masters = options.mastersBypass
        guard options.footholds else {
            return PathDiff(before: before.attackGraph(mastersBypass: masters), after: after.attackGraph(mastersBypass: masters))
        }
        let a = before.analyzer.footholdGraph(index: before.rbac(mastersBypass: masters), reach: before.networkReach())
        let b = after.analyzer.footholdGraph(index: after.rbac(mastersBypass: masters), reach: after.networkReach())
        return PathDiff(before: a, after: b, beforeSnapshot: before.snapshot, afterSnapshot: after.snapshot,
                        assumeExploitable: options.assumeExploitable)
    }
}
