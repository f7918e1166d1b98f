import Foundation
import ReachModel

extension ObjectDecoder {
    /// A `secrets-store.csi.x-k8s.io` SecretProviderClass. `spec.parameters` is a map of strings
    /// as the driver passes it to the provider; for `provider: azure` the parameters are read as
    /// the Azure provider reads them (Azure/secrets-store-csi-driver-provider-azure
    /// `pkg/provider/types/parameters.go`): values trimmed, `usePodIdentity` and
    /// `useVMManagedIdentity` parsed as Go's `strconv.ParseBool` (empty = false; anything else is
    /// an error there, so the mount fails: an error here), `tenantID` before the deprecated
    /// `tenantId`, `objects` a YAML document `array:` of YAML strings each with `objectName` and
    /// `objectType`. Problems are located diagnostics at the parameter.
    /// - Complexity: O(size of the object).
    func secretProviderClass(_ root: Field) -> SecretProviderClass? {
        guard let meta = meta(root, kind: .configMap, kindName: "SecretProviderClass") else { return nil }
        guard let spec = root["spec"] else {
            root.ctx.error(DiagnosticID.missingField, root.node, "spec", "required field is missing")
            return nil
        }
        let provider = spec["provider"]?.string() ?? ""
        if provider.isEmpty { spec.ctx.error(DiagnosticID.missingField, spec.node, "spec.provider", "required field is missing") }
        var params: [String: String] = [:], fields: [String: Field] = [:]
        for (key, value) in spec["parameters"]?.pairs() ?? [] {
            guard let text = value.isNull ? "" : value.string() else { continue }
            params[key] = text.trimmingCharacters(in: .whitespacesAndNewlines)
            fields[key] = value
        }
        func flag(_ key: String) -> Bool {
            guard let text = params[key], !text.isEmpty else { return false }
            switch text {
            case "1", "t", "T", "TRUE", "true", "True": return true
            case "0", "f", "F", "FALSE", "false", "False": return false
            default:
                if let f = fields[key] {
                    f.ctx.error(DiagnosticID.invalidValue, f.node, f.path, "'\(text)' is not a boolean (Go strconv.ParseBool): the provider fails the mount")
                }
                return false
            }
        }
        func nonEmpty(_ key: String) -> String? { params[key].flatMap { $0.isEmpty ? nil : $0 } }
        let usePod = flag("usePodIdentity"), useVM = flag("useVMManagedIdentity")
        if usePod, useVM, let f = fields["useVMManagedIdentity"] {
            f.ctx.error(DiagnosticID.invalidValue, f.node, f.path, "usePodIdentity and useVMManagedIdentity are both true: the provider refuses the mount (pkg/auth NewConfig)")
        }
        var objects: [SecretProviderClass.Object] = []
        if provider == "azure", let text = nonEmpty("objects"), let f = fields["objects"] {
            objects = keyVaultObjects(text, f)
        }
        return SecretProviderClass(meta: meta, provider: provider, keyvaultName: nonEmpty("keyvaultName"), objects: objects,
                                   clientID: nonEmpty("clientID"), usePodIdentity: usePod, useVMManagedIdentity: useVM,
                                   userAssignedIdentityID: nonEmpty("userAssignedIdentityID"),
                                   tenantID: nonEmpty("tenantID") ?? nonEmpty("tenantId"))
    }

    /// `objects`: `array:` of YAML strings, each a mapping with `objectName` and `objectType`
    /// (types.StringArray / KeyVaultObject). Errors are reported at the `objects` parameter with
    /// the line inside its text.
    func keyVaultObjects(_ text: String, _ f: Field) -> [SecretProviderClass.Object] {
        func fail(_ message: String) { f.ctx.error(DiagnosticID.invalidValue, f.node, f.path, "objects: \(message)") }
        // ``YNode`` does not own its tree: every tree is kept alive while its nodes are read.
        func parse(_ s: String) -> YAMLTree? {
            switch YAMLComposer.compose(Substring(s), warning: { _, _, _ in }) {
            case .success(let trees): return trees.first
            case .failure(let e): fail("line \(e.line): \(e.problem)"); return nil
            }
        }
        guard let tree = parse(text) else { return [] }
        return withExtendedLifetime(tree) { () -> [SecretProviderClass.Object] in
            guard let root = tree.root(), root.kind == .mapping, let array = root.value(forKey: "array"), array.kind == .sequence else {
                fail("expected a mapping with an `array` list")
                return []
            }
            var out: [SecretProviderClass.Object] = []
            for i in 0..<array.childCount {
                let item = array.child(i)
                guard item.kind == .scalar, let inner = parse(item.string) else {
                    fail("array[\(i)] is not a YAML string holding a mapping")
                    continue
                }
                let object: (name: String, type: String)? = withExtendedLifetime(inner) {
                    guard let o = inner.root(), o.kind == .mapping else { return nil }
                    return (o.value(forKey: "objectName").map { $0.string.trimmingCharacters(in: .whitespaces) } ?? "",
                            o.value(forKey: "objectType").map { $0.string.trimmingCharacters(in: .whitespaces) } ?? "")
                }
                guard let object else {
                    fail("array[\(i)] is not a YAML string holding a mapping")
                    continue
                }
                guard !object.name.isEmpty else {
                    fail("array[\(i)] has no objectName")
                    continue
                }
                out.append(.init(name: object.name, type: object.type))
            }
            return out
        }
    }
}
