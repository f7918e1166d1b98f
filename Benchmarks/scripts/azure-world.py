#!/usr/bin/env python3
"""A deterministic `--azure DIR` folder (docs/azure.md "Files") and a small cluster for timing the
AKS identity layer (issue 18): `paths --to-admin --azure`, `who-can --transitive --azure`.

Usage: Benchmarks/scripts/azure-world.py ASSIGNMENTS GROUPS USERS_PER_GROUP NAMESPACES OUTDIR
Writes OUTDIR/input/cluster.yaml (namespaces, one ServiceAccount, Role and RoleBinding to an Entra
group per namespace, one workload-identity pod) and OUTDIR/azure/ (aks.json with Entra ID, Azure
RBAC and local accounts on; role-assignments.json; group-members/<id>.json; identities.json;
keyvaults.json). Assignments are AKS RBAC Reader/Writer/Admin at the cluster or a namespace, to a
group or a user; one assignment in 500 is Contributor on the subscription (AZ1), and the first
group is an admin group (AZ3). Shapes follow the `az` outputs of Fixtures/azure/scenario.
"""
import json
import os
import random
import sys

assignments, groups, per_group, namespaces, out = (int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]),
                                                  int(sys.argv[4]), sys.argv[5])
rng = random.Random(18)
sub = "/subscriptions/00000000-0000-0000-0000-00000000aaaa"
cluster = f"{sub}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks"
roles = {"reader": "7f6c6a51-bcf8-42ba-9220-52d62157d7db", "writer": "a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb",
         "admin": "3498e952-d568-435e-9b2c-8d77e338d7f7", "contributor": "b24988ac-6180-42a0-ab88-20f7382dd24c"}


def gid(i): return f"aaaaaaaa-0000-0000-{i // 10000:04d}-{i % 10000:012d}"
def uid(i): return f"11111111-0000-0000-{i // 10000:04d}-{i % 10000:012d}"


users = groups * per_group
os.makedirs(f"{out}/azure/group-members", exist_ok=True)
os.makedirs(f"{out}/input", exist_ok=True)
aks = {"id": cluster, "name": "aks", "resourceGroup": "rg", "type": "Microsoft.ContainerService/ManagedClusters", "disableLocalAccounts": False,
       "aadProfile": {"managed": True, "enableAzureRbac": True, "adminGroupObjectIDs": [gid(0)], "tenantId": "t"},
       "identityProfile": {"kubeletidentity": {"clientId": "99999999-0000-0000-0000-000000000002",
                                               "objectId": "99999999-0000-0000-0000-000000000003",
                                               "resourceId": f"{sub}/resourceGroups/MC/providers/Microsoft.ManagedIdentity/userAssignedIdentities/aks-agentpool"}},
       "oidcIssuerProfile": {"enabled": True, "issuerUrl": "https://issuer.example/"}}
json.dump(aks, open(f"{out}/azure/aks.json", "w"), indent=1)
for g in range(groups):
    members = [{"@odata.type": "#microsoft.graph.user", "id": uid(g * per_group + k), "displayName": f"u{g * per_group + k}",
                "userPrincipalName": f"u{g * per_group + k}@contoso.com"} for k in range(per_group)]
    json.dump(members, open(f"{out}/azure/group-members/{gid(g)}.json", "w"))
rows = []
for i in range(assignments):
    if i % 500 == 499:
        role, scope = "contributor", sub
    else:
        role = rng.choice(["reader", "reader", "writer", "admin"])
        scope = cluster if rng.random() < 0.1 else f"{cluster}/namespaces/ns{rng.randrange(namespaces)}"
    to_group = rng.random() < 0.7
    principal = gid(rng.randrange(groups)) if to_group else uid(rng.randrange(users))
    name = f"b0000000-0000-0000-{i // 10000:04d}-{i % 10000:012d}"
    rows.append({"id": f"{scope}/providers/Microsoft.Authorization/roleAssignments/{name}", "name": name,
                 "principalId": principal, "principalType": "Group" if to_group else "User",
                 "roleDefinitionId": f"{sub}/providers/Microsoft.Authorization/roleDefinitions/{roles[role]}",
                 "scope": scope, "condition": None})
json.dump(rows, open(f"{out}/azure/role-assignments.json", "w"))
json.dump([{"name": "orders-wi", "id": f"{sub}/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/orders-wi",
            "clientId": "88888888-0000-0000-0000-000000000001", "principalId": "77777777-0000-0000-0000-000000000001"}],
          open(f"{out}/azure/identities.json", "w"))
json.dump([], open(f"{out}/azure/keyvaults.json", "w"))
docs = []
for n in range(namespaces):
    ns = f"ns{n}"
    docs.append(f"apiVersion: v1\nkind: Namespace\nmetadata: {{name: {ns}}}")
    docs.append(f"apiVersion: v1\nkind: ServiceAccount\nmetadata: {{name: app, namespace: {ns}}}")
    docs.append(f"apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {{name: deployer, namespace: {ns}}}\n"
                f"rules: [{{apiGroups: [''], resources: [pods], verbs: [create, get]}}]")
    docs.append(f"apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {{name: deployers, namespace: {ns}}}\n"
                f"roleRef: {{apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployer}}\n"
                f"subjects: [{{kind: Group, apiGroup: rbac.authorization.k8s.io, name: {gid(n % groups)}}}]")
docs.append("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: orders\n  namespace: ns0\n"
            "  annotations: {azure.workload.identity/client-id: 88888888-0000-0000-0000-000000000001}")
docs.append("apiVersion: v1\nkind: Pod\nmetadata: {name: orders, namespace: ns0, labels: {azure.workload.identity/use: 'true'}}\n"
            "spec: {serviceAccountName: orders, containers: [{name: c, image: x}]}")
open(f"{out}/input/cluster.yaml", "w").write("\n---\n".join(docs) + "\n")
