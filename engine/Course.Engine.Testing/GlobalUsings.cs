global using Course.Engine;
