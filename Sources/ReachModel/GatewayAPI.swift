/// A backend reference of an Ingress path or a Gateway API route rule: a Service (same
/// namespace unless `namespace` is set, Gateway API only) and the Service port it targets.
public struct ServiceBackendRef: Hashable, Sendable, Comparable {
    public var namespace: String?
    public var name: String
    /// `service.port.number` / `service.port.name` (Ingress), `port` (Gateway API); `nil` = unset.
    public var port: PortValue?
    public init(namespace: String? = nil, name: String, port: PortValue? = nil) {
        self.namespace = namespace
        self.name = name
        self.port = port
    }

    public static func < (a: ServiceBackendRef, b: ServiceBackendRef) -> Bool {
        (a.namespace ?? "", a.name, a.port?.description ?? "") < (b.namespace ?? "", b.name, b.port?.description ?? "")
    }
}

/// A Gateway API `Gateway` (gateway.networking.k8s.io v1/v1beta1): its class and listeners.
public struct Gateway: KubeObject, Hashable {
    public static let kind = ObjectKind.gateway
    public var meta: ObjectMeta
    public var gatewayClassName: String?
    /// `spec.listeners[]` as `(name, port, protocol)`; the protocol is the Gateway API one (`HTTP`, `HTTPS`, …).
    public var listeners: [GatewayListener]
    public init(meta: ObjectMeta, gatewayClassName: String? = nil, listeners: [GatewayListener] = []) {
        self.meta = meta
        self.gatewayClassName = gatewayClassName
        self.listeners = listeners
    }
}

/// One `spec.listeners[]` entry of a Gateway.
public struct GatewayListener: Hashable, Sendable {
    public var name: String
    public var port: Int
    public var protocolName: String
    public init(name: String, port: Int, protocolName: String) {
        self.name = name
        self.port = port
        self.protocolName = protocolName
    }
}

/// A Gateway API `HTTPRoute` or `GRPCRoute` (``kind`` tells which): the Gateways it attaches to
/// (`spec.parentRefs[]`) and the Service backends of its rules (`spec.rules[].backendRefs[]`,
/// `kind: Service` in the core group only, which is the default).
public struct GatewayRoute: Hashable, Sendable {
    public var kind: ObjectKind
    public var meta: ObjectMeta
    /// Parent Gateways as `namespace/name` (the route's namespace when unset), sorted.
    public var parentGateways: [String]
    /// Service backends, deduplicated, sorted.
    public var backends: [ServiceBackendRef]
    public init(kind: ObjectKind, meta: ObjectMeta, parentGateways: [String] = [], backends: [ServiceBackendRef] = []) {
        self.kind = kind
        self.meta = meta
        self.parentGateways = parentGateways
        self.backends = backends
    }
    public var ref: ObjectRef { ObjectRef(kind: kind, namespace: meta.namespace, name: meta.name) }
    public var name: String { meta.name }
    public var namespace: String? { meta.namespace }
}
