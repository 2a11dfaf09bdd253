--
-- PostgreSQL database dump
--

-- Dumped from database version 15.6 (Debian 15.6-1.pgdg120+2)
-- Dumped by pg_dump version 15.6 (Debian 15.6-1.pgdg120+2)
-- Started on 2024-06-15 02:00:03 UTC

SET statement_timeout = 0;
SET client_encoding = 'UTF8';

-- Data for Name: orders; Type: TABLE DATA; Schema: public; Owner: orders_app (260839 rows, elided in this mirror)

-- Completed on 2024-06-15 02:25:50 UTC

--
-- PostgreSQL database dump complete
--
