import ReachModel

/// Decoding of each `az` output kind of an `--azure DIR` folder (shapes as the `az` CLI prints
/// them; see docs/azure.md). Items missing a required field are skipped with a located error.
extension AzureDecoder {
    /// `az role assignment list --all --include-inherited -o json`.
    mutating func roleAssignments(_ root: LocatedJSON) -> [AzureRoleAssignment] {
        objects(root, what: "role assignment").compactMap { path, o in
            guard let principal = string(o, "principalId", at: path, required: true),
                  let role = string(o, "roleDefinitionId", at: path, required: true),
                  let scope = string(o, "scope", at: path, required: true) else { return nil }
            let id = string(o, "id", at: path) ?? ""
            let name = string(o, "name", at: path) ?? String(id.split(separator: "/").last ?? "")
            return AzureRoleAssignment(id: id, name: name, principalId: principal.lowercased(),
                                       principalType: string(o, "principalType", at: path) ?? "",
                                       principalName: string(o, "principalName", at: path), roleDefinitionId: role,
                                       roleDefinitionName: string(o, "roleDefinitionName", at: path), scope: scope,
                                       condition: string(o, "condition", at: path), location: location(o))
        }
    }

    /// `az role definition list -o json` (custom roles; `properties` wrappers of the REST API accepted).
    mutating func roleDefinitions(_ root: LocatedJSON) -> [AzureRoleDefinition] {
        objects(root, what: "role definition").compactMap { path, outer in
            let o = outer["properties"].flatMap { if case .object = $0.value { $0 } else { nil } } ?? outer
            let inner = outer["properties"] == nil ? path : "\(path).properties"
            guard let guid = string(outer, "name", at: path, required: true),
                  let roleName = string(o, "roleName", at: inner, required: true) else { return nil }
            let permissions = objectList(o, "permissions", at: inner).map { p, node in
                AzurePermission(actions: strings(node, "actions", at: p), notActions: strings(node, "notActions", at: p),
                                dataActions: strings(node, "dataActions", at: p), notDataActions: strings(node, "notDataActions", at: p))
            }
            return AzureRoleDefinition(guid: guid, roleName: roleName, roleType: string(o, "roleType", at: inner) ?? "CustomRole",
                                       permissions: permissions, location: location(outer))
        }
    }

    /// `az ad group member list --group <id> -o json` (Microsoft Graph `@odata.type`, or the older
    /// AAD Graph `objectType`/`objectId`).
    mutating func groupMembers(_ root: LocatedJSON) -> [AzureDirectoryObject] {
        objects(root, what: "group member").compactMap { path, o in
            let odata = string(o, "@odata.type", at: path) ?? string(o, "objectType", at: path) ?? ""
            let key = o["id"] != nil ? "id" : "objectId"
            guard let id = string(o, key, at: path, required: true) else { return nil }
            let kind: AzureDirectoryObject.Kind
            switch odata.lowercased().replacingOccurrences(of: "#microsoft.graph.", with: "") {
            case "user": kind = .user
            case "group": kind = .group
            case "serviceprincipal": kind = .servicePrincipal
            default: kind = .other
            }
            return AzureDirectoryObject(id: id.lowercased(), kind: kind, displayName: string(o, "displayName", at: path),
                                        userPrincipalName: string(o, "userPrincipalName", at: path), location: location(o))
        }
    }

    /// `az identity list -o json`.
    mutating func identities(_ root: LocatedJSON) -> [AzureManagedIdentity] {
        objects(root, what: "managed identity").compactMap { path, o in
            guard let name = string(o, "name", at: path, required: true),
                  let clientId = string(o, "clientId", at: path, required: true),
                  let principalId = string(o, "principalId", at: path, required: true) else { return nil }
            return AzureManagedIdentity(name: name, id: string(o, "id", at: path) ?? "", clientId: clientId.lowercased(),
                                        principalId: principalId.lowercased(), location: location(o))
        }
    }

    /// `az identity federated-credential list --identity-name N -g RG -o json`.
    mutating func federatedCredentials(_ root: LocatedJSON) -> [AzureFederatedCredential] {
        objects(root, what: "federated identity credential").compactMap { path, o in
            guard let issuer = string(o, "issuer", at: path, required: true),
                  let subject = string(o, "subject", at: path, required: true) else { return nil }
            return AzureFederatedCredential(name: string(o, "name", at: path) ?? "", issuer: issuer, subject: subject,
                                            audiences: strings(o, "audiences", at: path), location: location(o))
        }
    }

    /// A JSON list of `az keyvault show -o json` objects (`properties.enableRbacAuthorization`,
    /// `properties.accessPolicies[].objectId` / `.permissions.secrets`).
    mutating func keyVaults(_ root: LocatedJSON) -> [AzureKeyVault] {
        objects(root, what: "key vault").compactMap { path, o in
            guard let name = string(o, "name", at: path, required: true) else { return nil }
            let props = o["properties"].flatMap { if case .object = $0.value { $0 } else { nil } } ?? o
            let pp = o["properties"] == nil ? path : "\(path).properties"
            let policies: [AzureAccessPolicy] = objectList(props, "accessPolicies", at: pp).compactMap { p, node in
                guard let oid = string(node, "objectId", at: p, required: true) else { return nil }
                let perms = node["permissions"].map { strings($0, "secrets", at: "\(p).permissions") } ?? []
                return AzureAccessPolicy(objectId: oid.lowercased(), secretPermissions: perms.map { $0.lowercased() })
            }
            return AzureKeyVault(name: name, id: string(o, "id", at: path) ?? "",
                                 enableRbacAuthorization: bool(props, "enableRbacAuthorization", at: pp) ?? false,
                                 accessPolicies: policies, location: location(o))
        }
    }
}
