import ReachModel
import AttackGraph
import AzureEngine
import RBACEngine

/// What a check reads.
public enum CheckInput: String, Sendable, CaseIterable {
    /// Kubernetes manifests (`-f`).
    case manifests
    /// The AKS cluster document (`--aks`).
    case aksCluster = "aks-cluster"
    /// The RBAC objects of the manifests (`-f` with `--least-privilege`).
    case rbac
    /// The foothold graph of the manifests (footholds.md: `-f` with `--footholds`).
    case footholds
    /// The Azure identity layer (`--azure DIR`, docs/azure.md).
    case azure
}

/// A check's fixed description: the text of `docs/checks.md` and of SARIF rules.
public struct CheckInfo: Hashable, Sendable {
    /// Stable ID, e.g. `AKS-NET-001`; also the fixture folder and the SARIF ruleId.
    public var id: String
    public var severity: AuditSeverity
    public var input: CheckInput
    /// One line.
    public var title: String
    public var rationale: String
    public var remediation: String
    /// The seed recommendation of the audit issue this check implements.
    public var recommendation: String
    /// Set for checks that need data `az aks show` does not return: they always report
    /// "not evaluated: needs …".
    public var needs: String?

    public init(id: String, severity: AuditSeverity, input: CheckInput, title: String, rationale: String,
                remediation: String, recommendation: String, needs: String? = nil) {
        self.id = id
        self.severity = severity
        self.input = input
        self.title = title
        self.rationale = rationale
        self.remediation = remediation
        self.recommendation = recommendation
        self.needs = needs
    }
}

/// What running one check gave.
public enum CheckOutcome: Hashable, Sendable {
    /// Ran; no finding.
    case passed
    /// Ran; these findings.
    case failed([Finding])
    /// Could not be evaluated from the inputs; the reason says what data is needed.
    case notEvaluated(String)
}

/// One audit check. Add a check: one file under `Checks/` with a type conforming to this
/// protocol, one entry in ``CheckRegistry/all``, and `Fixtures/audit/<ID>/{positive,negative}`.
public protocol AuditCheck: Sendable {
    var info: CheckInfo { get }
    /// Evaluates the check. Only called when the check's input is present.
    func evaluate(_ context: AuditContext) -> [Finding]
}

extension AuditCheck {
    /// A finding of this check with its severity.
    func finding(_ subject: String, _ message: String, at locations: [SourceLocation],
                 annotations: [String: String] = [:], fix: String? = nil, system: Bool = false) -> Finding {
        Finding(checkID: info.id, severity: info.severity, subject: subject, message: message, locations: locations,
                ignoredByAnnotation: IgnoreAnnotation.ids(annotations), fix: fix, system: system)
    }
}

/// Options of the audit that checks read.
public struct AuditOptions: Hashable, Sendable {
    /// Trusted image registries: host names, `*.suffix` wildcards allowed (default `*.azurecr.io`,
    /// `mcr.microsoft.com`).
    public var trustedRegistries: [String]
    /// Run the least-privilege (RBAC) checks (`--least-privilege`).
    public var leastPrivilege: Bool
    /// Show findings on Kubernetes bootstrap and AKS-managed RBAC (`--include-system`).
    public var includeSystem: Bool
    /// The policy engine given with `--policy-engine` (`nil`: from the AKS cluster document, else
    /// Kubernetes).
    public var policyEngine: PolicyEngineKind? = nil
    /// Run the foothold checks (`--footholds`: pods that can escape, namespaces whose pod creators
    /// can escape, secrets reachable from the internet).
    public var footholds = false
    public init(trustedRegistries: [String] = AuditOptions.defaultTrustedRegistries, leastPrivilege: Bool = false,
                includeSystem: Bool = false) {
        self.trustedRegistries = trustedRegistries
        self.leastPrivilege = leastPrivilege
        self.includeSystem = includeSystem
    }
    public static let defaultTrustedRegistries = ["*.azurecr.io", "mcr.microsoft.com"]
}

/// The inputs of one audit run.
public struct AuditContext: Sendable {
    /// Manifests; `nil` when none were given.
    public var snapshot: ClusterSnapshot?
    /// The AKS cluster document; `nil` when `--aks` was not given.
    public var cluster: AKSCluster?
    public var options: AuditOptions
    /// Pods and workloads with their pod specs (computed once).
    let podSubjects: [PodSubject]
    /// The RBAC index, attack graph and grants of the least-privilege checks; `nil` unless
    /// `options.leastPrivilege` and manifests were given.
    let rbac: RBACFacts?
    /// The foothold graph when `options.footholds` and manifests were given (built once for the
    /// foothold checks; ``footholdGraph()`` builds one otherwise).
    let footholds: FootholdGraph?
    /// Azure RBAC, Entra ID and managed identities (`--azure DIR`); `nil` when not given.
    public var azure: AzureAuthorizer? = nil

    /// - Parameters:
    ///   - rbac: the RBAC index and attack graph of `snapshot` when the caller already has them
    ///     (an analysis session); built here otherwise (least privilege only).
    public init(snapshot: ClusterSnapshot?, cluster: AKSCluster?, options: AuditOptions = AuditOptions(),
                rbac: (() -> (RBACIndex, AttackGraph))? = nil) {
        self.snapshot = snapshot
        self.cluster = cluster
        self.options = options
        let pods = snapshot.map(PodSubject.all) ?? []
        self.podSubjects = pods
        self.rbac = options.leastPrivilege ? snapshot.map { snap in
            let (index, graph) = rbac?() ?? {
                let index = RBACIndex(snapshot: snap)
                return (index, AttackGraph(snapshot: snap, index: index))
            }()
            return RBACFacts(snapshot: snap, pods: pods, index: index, graph: graph)
        } : nil
        self.footholds = options.footholds ? snapshot.map(FootholdFacts.graph) : nil
    }

    /// The foothold graph of the manifests (``footholds`` or a new one), `nil` without manifests.
    /// - Complexity: O(1) when built, else one ``FootholdFacts/graph(_:)``.
    func footholdGraph() -> FootholdGraph? { footholds ?? snapshot.map(FootholdFacts.graph) }

    /// The snapshot, or an empty one.
    var manifests: ClusterSnapshot { snapshot ?? ClusterSnapshot() }
}
