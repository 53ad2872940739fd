"""Tags typed in any Unicode form are the same tag.

taggit looks tags up by the name as typed; a name pasted in NFD would miss the NFC tag
already stored and then collide with it on insert. Names are composed before the lookup.
"""

from modelcluster.contrib.taggit import ClusterTaggableManager, _ClusterTaggableManager

from cms.vietnamese import nfc


class _NFCClusterTaggableManager(_ClusterTaggableManager):
    def _to_tag_model_instances(self, tags, tag_kwargs):
        tags = [nfc(tag).strip() if isinstance(tag, str) else tag for tag in tags]
        return super()._to_tag_model_instances(tags, tag_kwargs)


class NFCClusterTaggableManager(ClusterTaggableManager):
    def __get__(self, instance, model):
        return _NFCClusterTaggableManager(
            through=self.through, model=model, instance=instance, prefetch_cache_name=self.name
        )
