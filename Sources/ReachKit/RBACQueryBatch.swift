import Foundation
import RBACEngine
import ReachModel

/// The batch interface of `kube-reach query` (interfaces.md "RBAC batch queries"): a JSON
/// document with `checks`, `whoCan` and `paths` lists; the answer is the same document with
/// `allowed` added to each check, `subjects` to each whoCan, and the path fields (`reachable`,
/// `length`, `hops`, `via`) answered by the attack graph (escalation.md) when a snapshot is
/// given. Unknown fields are kept.
public enum RBACQueryBatch {
    /// A malformed query document, located by JSON path (`checks[2].groups`).
    public struct QueryError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses `data` and answers it against `index` (and `snapshot` for `paths`; without it the
    /// path fields are `null`). With `azure` (`query --azure DIR`), the answers add the Azure
    /// identity layer as the commands do (``AzureQuery``; paths then need no `snapshot`).
    /// - Complexity: one ``RBACEngine/RBACIndex/allows(_:_:)`` per check, one
    ///   ``RBACEngine/RBACIndex/whoCan(_:)`` per whoCan entry, one attack graph for all paths plus
    ///   one goal search per path; with `azure` see ``answerAzurePaths(_:index:azure:)``.
    public static func answer(_ data: Data, index: RBACIndex, snapshot: ClusterSnapshot? = nil,
                              azure: AzureQuery? = nil) -> Result<JSONValue, QueryError> {
        guard let parsed = JSONValue(parsing: data) else {
            return .failure(QueryError(description: "not valid JSON"))
        }
        guard parsed.isObject else {
            return .failure(QueryError(description: "expected a JSON object with checks, whoCan and/or paths"))
        }
        var doc = parsed
        do {
            if let checks = doc["checks"] {
                doc["checks"] = .array(try list(checks, "checks").enumerated().map { i, item in
                    var o = item
                    let identity = try Self.identity(item, "checks[\(i)]")
                    let r = try request(item, "checks[\(i)]")
                    let allowed = index.allows(identity, r)
                    o["allowed"] = .bool(allowed)
                    if let azure { addAzure(&o, identity: identity, request: r, allowed: allowed, azure) }
                    return o
                })
            }
            if let who = doc["whoCan"] {
                doc["whoCan"] = .array(try list(who, "whoCan").enumerated().map { i, item in
                    var o = item
                    let r = try request(item, "whoCan[\(i)]")
                    let answer = index.whoCan(r)
                    o["subjects"] = .strings(index.subjects(of: answer).map(\.description))
                    if let azure { o["azure"] = azure.format.whoCan(azure.analysis.authorizer.whoCan(r)) }
                    return o
                })
            }
            if let paths = doc["paths"] {
                let items = try list(paths, "paths")
                doc["paths"] = .array(try azure.map { try answerAzurePaths(items, index: index, azure: $0) }
                                      ?? answerPaths(items, index: index, snapshot: snapshot))
            }
        } catch let error as QueryError {
            return .failure(error)
        } catch {
            return .failure(QueryError(description: "\(error)"))
        }
        return .success(doc)
    }

    static func list(_ value: JSONValue, _ path: String) throws -> [JSONValue] {
        guard let array = value.arrayValue else { throw QueryError(description: "\(path): expected an array") }
        return try array.enumerated().map { i, v in
            guard v.isObject else { throw QueryError(description: "\(path)[\(i)]: expected an object") }
            return v
        }
    }

    static func string(_ o: JSONValue, _ key: String, _ path: String, required: Bool = false) throws -> String {
        guard let v = o[key], v != .null else {
            if required { throw QueryError(description: "\(path).\(key): required field is missing") }
            return ""
        }
        guard let s = v.stringValue else { throw QueryError(description: "\(path).\(key): expected a string") }
        return s
    }

    /// A list of strings at `key` (`nil` when absent or null).
    static func strings(_ o: JSONValue, _ key: String, _ path: String) throws -> [String]? {
        guard let g = o[key], g != .null else { return nil }
        guard let list = g.arrayValue else { throw QueryError(description: "\(path).\(key): expected an array of strings") }
        let strings = list.compactMap(\.stringValue)
        guard strings.count == list.count else { throw QueryError(description: "\(path).\(key): expected an array of strings") }
        return strings
    }

    static func identity(_ o: JSONValue, _ path: String) throws -> Identity {
        Identity(user: try string(o, "user", path), groups: try strings(o, "groups", path) ?? [])
    }

    static func request(_ o: JSONValue, _ path: String) throws -> AccessRequest {
        AccessRequest(verb: try string(o, "verb", path, required: true), apiGroup: try string(o, "apiGroup", path),
                      resource: try string(o, "resource", path), subresource: try string(o, "subresource", path),
                      name: try string(o, "name", path), namespace: try string(o, "namespace", path),
                      nonResourceURL: try string(o, "nonResourceURL", path))
    }
}
