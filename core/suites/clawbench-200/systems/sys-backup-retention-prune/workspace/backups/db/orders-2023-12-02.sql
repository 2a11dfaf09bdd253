--
-- PostgreSQL database dump
--

-- Dumped from database version 15.6 (Debian 15.6-1.pgdg120+2)
-- Dumped by pg_dump version 15.6 (Debian 15.6-1.pgdg120+2)
-- Started on 2023-12-02 02:00:08 UTC

SET statement_timeout = 0;
SET client_encoding = 'UTF8';

-- Data for Name: orders; Type: TABLE DATA; Schema: public; Owner: orders_app (180707 rows, elided in this mirror)

-- Completed on 2023-12-02 02:13:38 UTC

--
-- PostgreSQL database dump complete
--
