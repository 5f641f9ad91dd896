// The script the playground opens with: ADD BACKEND as the Doris docs show it (the first example
// is broken: Doris rejects several addresses in one literal), and the usual slips around it.
export const EXAMPLE = `-- ADD BACKEND, as the Doris docs show it. The first example is rejected by Doris:
-- one literal may hold only one address.
ALTER SYSTEM ADD BACKEND "192.168.0.1:9050,192.168.0.2:9050";

-- One literal per address.
ALTER SYSTEM ADD BACKEND "192.168.0.1:9050", "192.168.0.2:9050";

-- With a location tag.
ALTER SYSTEM ADD BACKEND "doris-be01:9050" PROPERTIES ("tag.location" = "groupb");

-- With endpoint tags (Doris 3.1+).
ALTER SYSTEM ADD BACKEND "10.0.0.1:9050", "10.0.0.2:9050", "10.0.0.3:9050" PROPERTIES ("tag.public_endpoint" = "11.10.20.12:8010", "tag.private_endpoint" = "10.10.10.9:8020");

-- Usual slips: be_port instead of the heartbeat port, no quotes, a colon in a property.
ALTER SYSTEM ADD BACKEND "192.168.0.4:9060";
ALTER SYSTEM ADD BACKEND 192.168.0.5:9050;
ALTER SYSTEM MODIFY BACKEND "192.168.0.6:9050" SET ("tag.location": "group_b");
`;
