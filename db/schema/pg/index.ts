// PostgreSQL declarations of the same tables as ../sqlite (see tests/unit/db/schema-parity).
export {};
