-- Prefect's database beside the lake's catalog (run once, when the Postgres volume is created)
CREATE DATABASE prefect OWNER newslake;
