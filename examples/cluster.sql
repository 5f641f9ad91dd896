-- Scaling out the production cluster (a typical ops script, with the usual slips).

-- The ADD BACKEND page of the Doris docs shows this form; Doris rejects it.
ALTER SYSTEM ADD BACKEND "192.168.0.1:9050,192.168.0.2:9050";

-- Copied from a zh-CN page: full-width parenthesis and semicolon.
ALTER SYSTEM ADD BACKEND "192.168.0.3:9050" PROPERTIES （"tag.location" = "group_a"）;

# a MySQL habit
ALTER SYSTEM ADD BACKEND 192.168.0.4:9050;

ALTER SYSTEM MODIFY BACKEND "192.168.0.5:9050" SET ("tag.location": "group_b");

ALTER SYSTEM ADD BACKEND "192.168.0.6:9050" PROPERTIES ("tag.location" = "group_a",);

ALTER SYSTEM MODIFY FRONT "10.0.0.9:9010" HOSTNAME "fe-1.example.com";

-- Fine as it is.
ALTER SYSTEM DECOMMISSION BACKEND "192.168.0.7:9050";
SHOW BACKENDS;
