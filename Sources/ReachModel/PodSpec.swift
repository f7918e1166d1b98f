/// Transport protocols of ports and probes.
public enum NetworkProtocol: String, Hashable, Sendable, CaseIterable, Comparable, Codable {
    case tcp = "TCP", udp = "UDP", sctp = "SCTP"
    public static func < (a: NetworkProtocol, b: NetworkProtocol) -> Bool {
        let order: [NetworkProtocol] = [.tcp, .udp, .sctp]
        return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
}

public struct ContainerPort: Hashable, Sendable {
    public var name: String?
    public var containerPort: Int
    public var protocolName: NetworkProtocol
    public var hostPort: Int?
    public init(name: String? = nil, containerPort: Int, protocol: NetworkProtocol = .tcp, hostPort: Int? = nil) {
        self.name = name
        self.containerPort = containerPort
        self.protocolName = `protocol`
        self.hostPort = hostPort
    }
}

/// Security-relevant fields of a (pod or container) securityContext, `nil` = unset.
public struct SecurityContext: Hashable, Sendable {
    public var privileged: Bool?
    public var runAsNonRoot: Bool?
    public var runAsUser: Int?
    public var allowPrivilegeEscalation: Bool?
    public var readOnlyRootFilesystem: Bool?
    public var capabilitiesAdd: [String]
    public var capabilitiesDrop: [String]
    public var seccompProfileType: String?
    public init(privileged: Bool? = nil, runAsNonRoot: Bool? = nil, runAsUser: Int? = nil,
                allowPrivilegeEscalation: Bool? = nil, readOnlyRootFilesystem: Bool? = nil,
                capabilitiesAdd: [String] = [], capabilitiesDrop: [String] = [], seccompProfileType: String? = nil) {
        self.privileged = privileged
        self.runAsNonRoot = runAsNonRoot
        self.runAsUser = runAsUser
        self.allowPrivilegeEscalation = allowPrivilegeEscalation
        self.readOnlyRootFilesystem = readOnlyRootFilesystem
        self.capabilitiesAdd = capabilitiesAdd
        self.capabilitiesDrop = capabilitiesDrop
        self.seccompProfileType = seccompProfileType
    }
}

public struct Container: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable { case regular, initContainer = "init", ephemeral }
    public var name: String
    public var image: String?
    public var role: Role
    public var ports: [ContainerPort]
    public var securityContext: SecurityContext?
    /// Secrets referenced through `env[].valueFrom.secretKeyRef` (names only).
    public var envSecretNames: [String]
    /// Secrets referenced through `envFrom[].secretRef`.
    public var envFromSecretNames: [String]
    public var hasResourceRequests: Bool
    public var hasResourceLimits: Bool
    /// `command` then `args` (strings only; footholds read controller flags such as
    /// ingress-nginx's `--controller-class`).
    public var commandLine: [String] = []
    public init(name: String, image: String? = nil, role: Role = .regular, ports: [ContainerPort] = [],
                securityContext: SecurityContext? = nil, envSecretNames: [String] = [], envFromSecretNames: [String] = [],
                hasResourceRequests: Bool = false, hasResourceLimits: Bool = false) {
        self.name = name
        self.image = image
        self.role = role
        self.ports = ports
        self.securityContext = securityContext
        self.envSecretNames = envSecretNames
        self.envFromSecretNames = envFromSecretNames
        self.hasResourceRequests = hasResourceRequests
        self.hasResourceLimits = hasResourceLimits
    }
}

public struct Volume: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        case secret(name: String)
        case hostPath(path: String)
        case configMap(name: String)
        case projectedServiceAccountToken
        case persistentVolumeClaim(claim: String)
        case csi(driver: String)
        /// A Secrets Store CSI volume (`driver: secrets-store.csi.k8s.io`) naming a
        /// SecretProviderClass of the pod's namespace in `volumeAttributes.secretProviderClass`
        /// (listed beside its `.csi` source).
        case secretProviderClass(name: String)
        case other(String)
    }
    public var name: String
    public var sources: [Source]
    public init(name: String, sources: [Source]) {
        self.name = name
        self.sources = sources
    }
}

/// The fields of a PodSpec that the engines and checks use.
public struct PodSpec: Hashable, Sendable {
    /// `serviceAccountName` (or deprecated `serviceAccount`); `nil` = unset (Kubernetes uses `default`).
    public var serviceAccountName: String?
    public var automountServiceAccountToken: Bool?
    public var nodeName: String?
    public var hostNetwork: Bool
    public var hostPID: Bool
    public var hostIPC: Bool
    public var containers: [Container]
    public var volumes: [Volume]
    public var securityContext: SecurityContext?
    public var imagePullSecretNames: [String]
    public init(serviceAccountName: String? = nil, automountServiceAccountToken: Bool? = nil, nodeName: String? = nil,
                hostNetwork: Bool = false, hostPID: Bool = false, hostIPC: Bool = false,
                containers: [Container] = [], volumes: [Volume] = [], securityContext: SecurityContext? = nil,
                imagePullSecretNames: [String] = []) {
        self.serviceAccountName = serviceAccountName
        self.automountServiceAccountToken = automountServiceAccountToken
        self.nodeName = nodeName
        self.hostNetwork = hostNetwork
        self.hostPID = hostPID
        self.hostIPC = hostIPC
        self.containers = containers
        self.volumes = volumes
        self.securityContext = securityContext
        self.imagePullSecretNames = imagePullSecretNames
    }

    /// The service account the pod runs as (`default` when unset).
    public var effectiveServiceAccountName: String { serviceAccountName ?? "default" }

    /// Every declared container port, all container roles.
    public var allPorts: [ContainerPort] { containers.flatMap(\.ports) }
}

public struct Pod: KubeObject, Hashable {
    public static let kind = ObjectKind.pod
    public var meta: ObjectMeta
    public var spec: PodSpec
    /// `status.podIP` and `status.podIPs[].ip`, deduplicated, in order.
    public var podIPs: [String]
    public var phase: String?
    /// Owner kinds/names from `metadata.ownerReferences`.
    public var owners: [ObjectRefName]
    public init(meta: ObjectMeta, spec: PodSpec, podIPs: [String] = [], phase: String? = nil, owners: [ObjectRefName] = []) {
        self.meta = meta
        self.spec = spec
        self.podIPs = podIPs
        self.phase = phase
        self.owners = owners
    }
}

/// An owner reference: kind (verbatim) and name.
public struct ObjectRefName: Hashable, Sendable {
    public var kind: String
    public var name: String
    public init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// A pod-template workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob,
/// ReplicationController). For CronJob the template is `spec.jobTemplate.spec.template`.
public struct Workload: Hashable, Sendable {
    public var kind: ObjectKind
    public var meta: ObjectMeta
    public var selector: LabelSelector?
    public var replicas: Int?
    public var templateLabels: [String: String]
    public var templateAnnotations: [String: String]
    public var template: PodSpec
    public init(kind: ObjectKind, meta: ObjectMeta, selector: LabelSelector? = nil, replicas: Int? = nil,
                templateLabels: [String: String] = [:], templateAnnotations: [String: String] = [:], template: PodSpec) {
        self.kind = kind
        self.meta = meta
        self.selector = selector
        self.replicas = replicas
        self.templateLabels = templateLabels
        self.templateAnnotations = templateAnnotations
        self.template = template
    }

    public var ref: ObjectRef { ObjectRef(kind: kind, namespace: meta.namespace, name: meta.name) }
    public var name: String { meta.name }
    public var namespace: String? { meta.namespace }
    public var location: SourceLocation { meta.location }
}
