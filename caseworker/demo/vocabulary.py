"""The words the demo county is made of: its people's names, their illnesses, the groups
of its villages, its workers, and what households write when they apply."""

from caseworker.domain.codes import Program

SURNAMES = (
    "王王王李李李张张张刘刘陈陈杨杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许"
    "傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦"
)
MALE_CHARS = (
    "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林建国庆福志学文武生贵荣成忠德兵良松"
)
FEMALE_CHARS = (
    "芳娜敏静丽艳娟霞秀英华慧巧美兰凤玉萍红梅琴云莲真环雪荣爱妹霞香月莺媛瑞凡佳嘉琼桂"
    "娣叶璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚"
    "苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲"
    "寒伊亚宜可姬舒影荔枝思丽"
)
ILLNESSES = (
    "肺癌",
    "尿毒症",
    "白血病",
    "脑梗死后遗症",
    "肝硬化",
    "乳腺癌",
    "慢性肾衰竭",
    "重症肌无力",
    "冠心病",
    "胃癌",
)
GROUPS = ("一组", "二组", "三组", "四组", "五组", "六组", "七组", "八组")
WORKERS = ("王建华", "李秀英", "张明", "刘芳", "陈志强", "杨丽")
APPLICATION_REASONS = {
    Program.DIBAO: "家庭收入低，难以维持基本生活，申请最低生活保障。",
    Program.TEMPORARY_ASSISTANCE: "家中突遇变故，基本生活暂时困难，申请临时救助。",
}
