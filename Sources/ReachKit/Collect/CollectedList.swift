import Foundation
import ReachModel

/// Turns what `kubectl get -o json` printed into the document `collect` writes: a `kind: List`
/// with the items sorted by namespace and name, keys sorted, Secret values removed.
///
/// Everything happens in memory on the parsed document; the bytes kubectl printed are never
/// written anywhere, and errors never quote them (for Secrets they hold the values).
public enum CollectedList {
    /// Why kubectl's output could not be used (the message quotes none of it).
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case notJSON
        case notAList

        public var description: String {
            switch self {
            case .notJSON: "kubectl printed output that is not JSON"
            case .notAList: "kubectl printed JSON that is not a list of objects (no \"items\" array)"
            }
        }
    }

    /// The annotation `kubectl apply` stores the whole applied object in (for a Secret: its
    /// values, base64 or plain).
    public static let lastAppliedAnnotation = "kubectl.kubernetes.io/last-applied-configuration"

    /// The file contents for `output` of a `kubectl get` of `kind`, and the number of items.
    /// - Complexity: O(n log n) in the number of items, O(output size) memory.
    public static func document(from output: Data, kind: ObjectKind) throws(Problem) -> (data: Data, count: Int) {
        guard let parsed = try? JSONSerialization.jsonObject(with: output) else { throw .notJSON }
        guard let root = parsed as? [String: Any], let raw = root["items"] as? [Any] else { throw .notAList }
        var items: [[String: Any]] = []
        items.reserveCapacity(raw.count)
        for case let item as [String: Any] in raw {
            items.append(kind == .secret ? metadataOnly(secret: item) : item)
        }
        let keyed = items.map { (key: sortKey($0), item: $0) }
        let sorted = keyed.sorted { $0.key.namespace != $1.key.namespace ? $0.key.namespace < $1.key.namespace : $0.key.name < $1.key.name }
        let list: [String: Any] = ["apiVersion": "v1", "kind": "List", "metadata": [String: Any](), "items": sorted.map(\.item)]
        return (try serialize(list), sorted.count)
    }

    /// A Secret without anything that holds or can embed its values: `data`, `stringData`, the
    /// last-applied annotation and managed fields (names of data keys).
    /// - Complexity: O(size of the item's metadata).
    public static func metadataOnly(secret item: [String: Any]) -> [String: Any] {
        var item = item
        item.removeValue(forKey: "data")
        item.removeValue(forKey: "stringData")
        if var meta = item["metadata"] as? [String: Any] {
            meta.removeValue(forKey: "managedFields")
            if var annotations = meta["annotations"] as? [String: Any] {
                annotations.removeValue(forKey: lastAppliedAnnotation)
                meta["annotations"] = annotations
            }
            item["metadata"] = meta
        } else {
            item.removeValue(forKey: "metadata")  // not an object: nothing of it is kept
        }
        return item
    }

    /// `az aks show` output, keys sorted, without the two fields that can hold credentials
    /// (`servicePrincipalProfile.secret`, `windowsProfile.adminPassword`; `az` normally prints
    /// them empty).
    /// - Complexity: O(output size).
    public static func aksDocument(from output: Data) throws(Problem) -> Data {
        guard let parsed = try? JSONSerialization.jsonObject(with: output), var root = parsed as? [String: Any] else { throw .notJSON }
        for (container, field) in [("servicePrincipalProfile", "secret"), ("windowsProfile", "adminPassword")] {
            for path in [[container], ["properties", container]] { remove(field, at: path, in: &root) }
        }
        return try serialize(root)
    }

    private static func remove(_ field: String, at path: [String], in object: inout [String: Any]) {
        guard let first = path.first, var child = object[first] as? [String: Any] else { return }
        if path.count == 1 { child.removeValue(forKey: field) } else { remove(field, at: Array(path.dropFirst()), in: &child) }
        object[first] = child
    }

    private static func sortKey(_ item: [String: Any]) -> (namespace: String, name: String) {
        let meta = item["metadata"] as? [String: Any]
        return (meta?["namespace"] as? String ?? "", meta?["name"] as? String ?? "")
    }

    private static func serialize(_ object: [String: Any]) throws(Problem) -> Data {
        guard var data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { throw .notJSON }
        data.append(0x0A)
        return data
    }
}
