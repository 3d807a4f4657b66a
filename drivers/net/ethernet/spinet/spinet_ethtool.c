// SPDX-License-Identifier: GPL-2.0
/*
 * spinet core: ethtool operations. Link settings go through phylib; the
 * register dump takes the bus mutex like any other chip access.
 *
 * Copyright (C) 2026 The spinet authors
 */
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/phy.h>
#include <linux/string.h>

#include "spinet_priv.h"

/* ethtool -S names of the core's counters, in enum spinet_stat order. */
const char spinet_stat_names[SPINET_STAT_NUM][ETH_GSTRING_LEN] = {
	[SPINET_STAT_RX_PACKETS]	= "rx_packets",
	[SPINET_STAT_RX_BYTES]		= "rx_bytes",
	[SPINET_STAT_TX_PACKETS]	= "tx_packets",
	[SPINET_STAT_TX_BYTES]		= "tx_bytes",
	[SPINET_STAT_RX_CRC]		= "rx_crc_errors",
	[SPINET_STAT_RX_LENGTH]		= "rx_length_errors",
	[SPINET_STAT_RX_FRAME]		= "rx_frame_errors",
	[SPINET_STAT_RX_FIFO]		= "rx_fifo_errors",
	[SPINET_STAT_RX_OVER]		= "rx_over_errors",
	[SPINET_STAT_RX_DROPPED]	= "rx_dropped",
	[SPINET_STAT_RX_MULTICAST]	= "rx_multicast",
	[SPINET_STAT_TX_ERRORS]		= "tx_errors",
	[SPINET_STAT_TX_DROPPED]	= "tx_dropped",
	[SPINET_STAT_TX_TIMEOUTS]	= "tx_timeouts",
	[SPINET_STAT_BUS_ERRORS]	= "bus_errors",
	[SPINET_STAT_CHIP_RESETS]	= "chip_resets",
	[SPINET_STAT_RX_RING_FULL]	= "rx_ring_full",
	[SPINET_STAT_TX_CHIP_BUSY]	= "tx_chip_busy",
	[SPINET_STAT_IRQS]		= "irqs",
	[SPINET_STAT_IRQS_NONE]		= "irqs_without_cause",
	[SPINET_STAT_OWNER_RUNS]	= "bus_owner_runs",
};

static void spinet_get_drvinfo(struct net_device *ndev,
			       struct ethtool_drvinfo *info)
{
	struct spinet *sn = netdev_priv(ndev);

	strscpy(info->driver, KBUILD_MODNAME, sizeof(info->driver));
	strscpy(info->fw_version, sn->chip->name, sizeof(info->fw_version));
	strscpy(info->bus_info, dev_name(sn->dev), sizeof(info->bus_info));
}

static u32 spinet_get_msglevel(struct net_device *ndev)
{
	struct spinet *sn = netdev_priv(ndev);

	return sn->msg_enable;
}

static void spinet_set_msglevel(struct net_device *ndev, u32 level)
{
	struct spinet *sn = netdev_priv(ndev);

	sn->msg_enable = level;
}

static int spinet_get_sset_count(struct net_device *ndev, int sset)
{
	struct spinet *sn = netdev_priv(ndev);

	if (sset != ETH_SS_STATS)
		return -EOPNOTSUPP;
	return SPINET_STAT_NUM + sn->chip->n_stats;
}

static void spinet_get_strings(struct net_device *ndev, u32 sset, u8 *data)
{
	struct spinet *sn = netdev_priv(ndev);
	unsigned int i;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < SPINET_STAT_NUM; i++, data += ETH_GSTRING_LEN)
		memcpy(data, spinet_stat_names[i], ETH_GSTRING_LEN);
	for (i = 0; i < sn->chip->n_stats; i++, data += ETH_GSTRING_LEN)
		memcpy(data, sn->chip->stat_names[i], ETH_GSTRING_LEN);
}

static void spinet_get_ethtool_stats(struct net_device *ndev,
				     struct ethtool_stats *stats, u64 *data)
{
	struct spinet *sn = netdev_priv(ndev);
	unsigned int i;

	for (i = 0; i < SPINET_STAT_NUM + sn->chip->n_stats; i++)
		data[i] = spinet_stat_read(sn, i);
}

static int spinet_get_regs_len(struct net_device *ndev)
{
	struct spinet *sn = netdev_priv(ndev);

	return sn->chip->regs_len;
}

static void spinet_get_regs(struct net_device *ndev, struct ethtool_regs *regs,
			    void *buf)
{
	struct spinet *sn = netdev_priv(ndev);
	int ret;

	regs->version = sn->chip->regs_version;
	memset(buf, 0, sn->chip->regs_len);
	mutex_lock(&sn->bus_lock);
	ret = sn->chip->ops->get_regs(sn, buf);
	mutex_unlock(&sn->bus_lock);
	if (ret)
		netdev_warn(ndev, "register dump failed: %pe\n", ERR_PTR(ret));
}

static void spinet_get_pauseparam(struct net_device *ndev,
				  struct ethtool_pauseparam *pause)
{
	struct spinet *sn = netdev_priv(ndev);

	spin_lock_bh(&sn->cfg_lock);
	pause->autoneg = sn->pause_autoneg;
	pause->rx_pause = sn->pause_rx;
	pause->tx_pause = sn->pause_tx;
	spin_unlock_bh(&sn->cfg_lock);
}

static int spinet_set_pauseparam(struct net_device *ndev,
				 struct ethtool_pauseparam *pause)
{
	struct spinet *sn = netdev_priv(ndev);
	struct phy_device *phydev = ndev->phydev;

	if (!sn->chip->ops->set_pause)
		return -EOPNOTSUPP;	/* the chip has no flow control */
	if (pause->autoneg && phydev->autoneg != AUTONEG_ENABLE)
		return -EINVAL;
	if (!phy_validate_pause(phydev, pause))
		return -EINVAL;
	spin_lock_bh(&sn->cfg_lock);
	sn->pause_autoneg = pause->autoneg;
	sn->pause_rx = pause->rx_pause;
	sn->pause_tx = pause->tx_pause;
	spin_unlock_bh(&sn->cfg_lock);
	/* Forced settings apply now; negotiated ones when the link is. */
	mutex_lock(&phydev->lock);
	spinet_adjust_link(ndev);
	mutex_unlock(&phydev->lock);
	phy_set_asym_pause(phydev, pause->rx_pause, pause->tx_pause);
	return 0;
}

static void spinet_get_ringparam(struct net_device *ndev,
				 struct ethtool_ringparam *ring,
				 struct kernel_ethtool_ringparam *kring,
				 struct netlink_ext_ack *extack)
{
	ring->rx_max_pending = SPINET_RX_RING;
	ring->rx_pending = SPINET_RX_RING;
	ring->tx_max_pending = SPINET_TX_RING;
	ring->tx_pending = SPINET_TX_RING;
}

const struct ethtool_ops spinet_ethtool_ops = {
	.get_drvinfo		= spinet_get_drvinfo,
	.get_msglevel		= spinet_get_msglevel,
	.set_msglevel		= spinet_set_msglevel,
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= phy_ethtool_get_link_ksettings,
	.set_link_ksettings	= phy_ethtool_set_link_ksettings,
	.nway_reset		= phy_ethtool_nway_reset,
	.get_sset_count		= spinet_get_sset_count,
	.get_strings		= spinet_get_strings,
	.get_ethtool_stats	= spinet_get_ethtool_stats,
	.get_regs_len		= spinet_get_regs_len,
	.get_regs		= spinet_get_regs,
	.get_pauseparam		= spinet_get_pauseparam,
	.set_pauseparam		= spinet_set_pauseparam,
	.get_ringparam		= spinet_get_ringparam,
	.get_ts_info		= ethtool_op_get_ts_info,
};
