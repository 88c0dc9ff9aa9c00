"""A feature that presents its person in a scene first and then says where
they are from (`65岁的李秀英…` then `李秀英是湖南省郴州市汝城县…的一名…`):
the second paragraph introduces its place in full, as a story's first
paragraph does, but for someone the paragraph above already named, so it
goes on that feature rather than opening a story of its own. The page text is
written for the test in the phrasing of a county newspaper."""
from __future__ import annotations

from generator.reconstruct import classify as C

from .helpers import articles, page

DOCTOR = "江西安远:家庭医生把健康服务送到山区老人身边"
DOCTOR_BYLINE = "本报记者 刘春燕"
DOCTOR_LEAD = ("本报讯 近日,江西省赣州市安远县组织乡村医生走进山区村组,为独居老人、慢性病患者开展上门随访,"
               "测血压、送药品、讲健康知识,让山里群众在家门口就能看上病。")
DOCTOR_MORE = ("近年来,安远县持续推进家庭医生签约服务,为乡村医生配备便携式诊疗设备,开通远程会诊,"
               "全县65岁以上老人签约率达到85%以上,群众看病难问题得到有效缓解。")

TEA = "山路上的“送药人”"
TEA_BYLINE = "陈思远"
TEA_SCENE = ("天刚蒙蒙亮,山间的雾气还没有散开,58岁的李秀英已经背着药箱出了门。"
             "她要沿着崎岖的山路走上两个多小时,把降压药送到独居老人的家里。这样的山路,她已经走了十几年。")
TEA_PLACE = ("李秀英是湖南省郴州市汝城县三江口瑶族镇的一名乡村医生。"
             "在汝城,像她这样扎根山区的乡村医生还有300多名,守护着山里群众的健康。")
TEA_MORE = ("“老人们腿脚不方便,我多走几步路,他们就少受些罪。”李秀英说。"
            "近年来,汝城县为乡村医生配备了便携式诊疗设备,开通远程会诊,让山里人在家门口就能看上病。")


def test_subject_named_before_its_place():
    """`李秀英是…` after a paragraph about 李秀英: her place, not a new story's;
    after text that never names her, or with no subject before `是`, not."""
    assert C.subject_named_before(TEA_PLACE, TEA_SCENE)
    assert not C.subject_named_before(TEA_PLACE, DOCTOR_MORE)
    assert not C.subject_named_before("近日,湖南省郴州市汝城县开展义诊活动。", TEA_SCENE)


def test_a_person_introduced_with_their_place_goes_on_the_feature():
    """`李秀英是湖南省郴州市汝城县…` names its place in full, a city nothing
    above it names, but its subject is the person the scene before it
    follows: the feature's second paragraph, not a new story handed to the
    article below that talks of the same things."""
    _, arts = articles(page(TEA, TEA_BYLINE, TEA_SCENE, TEA_PLACE, TEA_MORE,
                            DOCTOR, DOCTOR_BYLINE, DOCTOR_LEAD, DOCTOR_MORE))
    got = {a.title: [p.text for p in a.paragraphs] for a in arts}
    assert got == {TEA: [TEA_SCENE, TEA_PLACE, TEA_MORE], DOCTOR: [DOCTOR_LEAD, DOCTOR_MORE]}
