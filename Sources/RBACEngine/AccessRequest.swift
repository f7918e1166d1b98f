/// One authorizer request: a resource request `(verb, apiGroup, resource, subresource, name,
/// namespace)` or, when ``nonResourceURL`` is non-empty, a non-resource request `(verb, path)`.
///
/// Empty strings mean "none", exactly as in `authorizer.Attributes` and the JSON of
/// interfaces.md (`apiGroup ""` is core, `namespace ""` is cluster scope).
public struct AccessRequest: Hashable, Sendable, CustomStringConvertible {
    public var verb: String
    public var apiGroup: String
    public var resource: String
    public var subresource: String
    public var name: String
    public var namespace: String
    public var nonResourceURL: String

    public init(verb: String, apiGroup: String = "", resource: String = "", subresource: String = "",
                name: String = "", namespace: String = "", nonResourceURL: String = "") {
        self.verb = verb
        self.apiGroup = apiGroup
        self.resource = resource
        self.subresource = subresource
        self.name = name
        self.namespace = namespace
        self.nonResourceURL = nonResourceURL
    }

    /// A non-resource request for `path`.
    public static func nonResource(verb: String, path: String) -> AccessRequest {
        AccessRequest(verb: verb, nonResourceURL: path)
    }

    public var isResourceRequest: Bool { nonResourceURL.isEmpty }

    /// The namespace whose RoleBindings apply: `nil` for cluster scope (empty namespace or a
    /// non-resource request, which upstream never carries a namespace).
    public var bindingNamespace: String? {
        isResourceRequest && !namespace.isEmpty ? namespace : nil
    }

    /// `resource/subresource` (or just `resource`).
    public var combinedResource: String { subresource.isEmpty ? resource : "\(resource)/\(subresource)" }

    /// e.g. `get secrets/db -n prod (group "")` or `get /healthz`.
    public var description: String {
        if !isResourceRequest { return "\(verb) \(nonResourceURL)" }
        var s = "\(verb) "
        s += apiGroup.isEmpty ? combinedResource : "\(combinedResource).\(apiGroup)"
        if !name.isEmpty { s += " \(name)" }
        s += namespace.isEmpty ? " (cluster scope)" : " -n \(namespace)"
        return s
    }
}
