"""Actors: the registry of states, organisations, roles and people, and mention linking."""

from pactwatch.actors.linker import link_mentions
from pactwatch.actors.registry import ActorRef, Mention, Registry, load_registry

__all__ = ["ActorRef", "Mention", "Registry", "link_mentions", "load_registry"]
